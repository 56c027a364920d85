#!/usr/bin/env bash
# Class Data Sharing for an app-image; the launcher maps lib/app/mailwizard.jsa at start-up
# (packaging/cds.args). The image's trimmed runtime has no default CDS archive (JDK 17's jlink does
# not make one), so a dynamic archive (-XX:ArchiveClassesAtExit) cannot be layered on it: this is a
# static archive of the JDK's and the app's classes, made by the image's own launcher and runtime.
# JDK 17 ties the archive to the jar's absolute path, so the .deb ships the class list and its
# postinst dumps the archive where the image is installed.
#   train IMAGE: a training run (`demo`: discovery, five TLS probes, a login, the report) writes
#                the classes it loads to lib/app/mailwizard.classlist
#   dump IMAGE:  archives those classes into lib/app/mailwizard.jsa and checks that the image
#                starts with it (-Xshare:on refuses to start without it)
# JAVA_TOOL_OPTIONS is how a jpackage launcher takes extra JVM options.
set -euo pipefail
mode=${1:?usage: packaging/cds-archive.sh train|dump APP-IMAGE-DIR}
image=${2:?usage: packaging/cds-archive.sh train|dump APP-IMAGE-DIR}
launcher="$image/bin/MailWizard"
list="$image/lib/app/mailwizard.classlist"
archive="$image/lib/app/mailwizard.jsa"
case "$mode" in
  train)
    rm -f "$list" "$archive"
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$launcher" demo >/dev/null 2>&1
    test -s "$list" || { echo "the training run wrote no class list to $list" >&2; exit 1; }
    echo "CDS class list: $list ($(wc -l <"$list") classes)" ;;
  dump)
    rm -f "$archive"
    JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" "$launcher" >/dev/null 2>&1
    JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load=info" "$launcher" --version 2>/dev/null \
      | grep -q 'dev.mailwizard.Launcher source: shared objects file' \
      || { echo "the app-image does not start with its CDS archive $archive" >&2; exit 1; }
    echo "CDS archive: $archive ($(du -h "$archive" | cut -f1))" ;;
  *) echo "usage: packaging/cds-archive.sh train|dump APP-IMAGE-DIR" >&2; exit 2 ;;
esac
