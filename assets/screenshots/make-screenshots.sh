#!/usr/bin/env bash
# Makes the README's screenshots: runs the wizard under Xvfb against the demo servers and saves a
# picture of each step here. Needs Debian's xvfb and libgtk-3-0 (apt-get install xvfb libgtk-3-0).
# The last picture (a run where nothing answers) needs no mail server listening on 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1280x800x24" java -Djava.awt.headless=true -cp "$cp" dev.mailwizard.ui.ScreenshotTour assets/screenshots
