// Lists the outgoing servers Thunderbird loaded from the profile's prefs (our user.js).
const [resolve] = arguments;
try {
  const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
  const out = [];
  for (const s of MailServices.outgoingServer.servers) {
    const smtp = s.QueryInterface(Ci.nsISmtpServer);
    out.push({ key: s.key, hostname: smtp.hostname, port: smtp.port, socketType: s.socketType, authMethod: s.authMethod, username: s.username });
  }
  resolve({ ok: true, servers: out, defaultKey: MailServices.outgoingServer.defaultServer && MailServices.outgoingServer.defaultServer.key });
} catch (e) {
  resolve({ ok: false, error: String(e) });
}
