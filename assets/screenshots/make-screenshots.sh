#!/usr/bin/env bash
# Makes the README's screenshots: runs the wizard under Xvfb against the demo servers and saves a
# picture of each step here, and of the Result step in each language (result-de.png, ...). Needs
# Debian's xvfb, libgtk-3-0 and, for Japanese, a CJK font (apt-get install xvfb libgtk-3-0 fonts-ipafont).
# The last picture (a run where nothing answers) needs no mail server listening on 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
# The sign-in pictures: the README's example registration for Google in a config folder of its own,
# and a browser that opens nothing (the Testing step waits for it, then the tour cancels).
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
mkdir -p "$config/mailwizard"
cat > "$config/mailwizard/oauth2.json" <<'EOF'
{"registrations": [
  {"issuer": "accounts.google.com", "hosts": ["gmail.com", "googlemail.com"],
   "clientId": "1234567890-abc.apps.googleusercontent.com", "clientSecret": "GOCSPX-example",
   "authorizationEndpoint": "https://accounts.google.com/o/oauth2/v2/auth", "tokenEndpoint": "https://oauth2.googleapis.com/token",
   "scopes": ["https://mail.google.com/"]}
]}
EOF
XDG_CONFIG_HOME="$config" BROWSER=true xvfb-run -a -s "-screen 0 1280x800x24" java -Djava.awt.headless=true -cp "$cp" \
    dev.mailwizard.ui.ScreenshotTour assets/screenshots
