#!/usr/bin/env bash
# Builds the Linux app-image and .deb with jpackage from target/mailwizard.jar.
# Run through Maven: ./mvnw -Ppackage package   (or directly after ./mvnw package: packaging/build.sh VERSION)
# Output: target/dist/MailWizard/ (app-image) and target/dist/mailwizard_VERSION_amd64.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: packaging/build.sh VERSION}
case "$(uname -s)" in
  Linux) ;;
  *) echo "packaging/build.sh builds the Linux packages; on Windows and macOS see packaging/README.md" >&2; exit 2 ;;
esac
# A jar built for another OS (-Djavafx.platform=win|mac|...) is packaged on that OS (.github/workflows/release.yml).
platforms=$(unzip -p target/mailwizard.jar META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^JavaFX-Platforms: //p')
if ! grep -qE '(^|,)linux(,|$)' <<<"$platforms"; then
  echo "target/mailwizard.jar carries the JavaFX natives of '$platforms', not linux: the jar is built, no .deb made" >&2
  exit 0
fi
command -v jpackage >/dev/null || { echo "jpackage not found: it comes with a full JDK 17+ (not a JRE)" >&2; exit 2; }
command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null || { echo "the .deb needs fakeroot and dpkg-deb (apt-get install fakeroot dpkg-dev)" >&2; exit 2; }
rm -rf target/jpackage-input target/dist
mkdir -p target/jpackage-input target/dist
cp target/mailwizard.jar target/jpackage-input/
jpackage @packaging/meta.args @packaging/app.args @packaging/jvm.args @packaging/cds.args --icon assets/icons/mailwizard-256.png --type app-image \
  --app-version "$version" --dest target/dist
packaging/cds-archive.sh train target/dist/MailWizard
jpackage @packaging/meta.args @packaging/linux/deb.args --type deb --app-image target/dist/MailWizard \
  --app-version "$version" --dest target/dist
# jpackage names the .deb NAME_VERSION-RELEASE_ARCH.deb; give it a stable name for scripts.
mv target/dist/mailwizard_"$version"-1_amd64.deb target/dist/mailwizard_"$version"_amd64.deb
# The app-image's own archive, after the .deb (whose postinst makes one where it is installed).
packaging/cds-archive.sh dump target/dist/MailWizard
ls -l target/dist
