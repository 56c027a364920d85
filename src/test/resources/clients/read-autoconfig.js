// Reads an autoconfig file with Thunderbird's own parser (readFromXML, as for a file found on disk)
// and returns every server it kept, so the caller can compare the count with what we wrote.
const [xml, resolve] = arguments;
try {
  const { readFromXML } = ChromeUtils.importESModule("resource:///modules/accountcreation/readFromXML.sys.mjs");
  const { JXON } = ChromeUtils.importESModule("resource:///modules/JXON.sys.mjs");
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const config = readFromXML(JXON.build(doc), "disk");
  const pick = s => ({ type: s.type, hostname: s.hostname, port: s.port, socketType: s.socketType, auth: s.auth, username: s.username });
  resolve({ ok: true,
    incoming: [config.incoming].concat(config.incomingAlternatives).map(pick),
    outgoing: [config.outgoing].concat(config.outgoingAlternatives).map(pick) });
} catch (e) {
  resolve({ ok: false, error: String(e) });
}
