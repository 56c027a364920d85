// Makes Thunderbird log in to one of its outgoing servers (read from our user.js) with a password
// put in its own password manager, as the user's first send would. Thunderbird does not call the
// listener on success, so the caller judges by the server's log; a failure is reported here.
const [key, password, resolve] = arguments;
(async () => {
  const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
  const server = MailServices.outgoingServer.getServerByKey(key).QueryInterface(Ci.nsISmtpServer);
  const origin = "smtp://" + server.hostname;
  const login = Cc["@mozilla.org/login-manager/loginInfo;1"].createInstance(Ci.nsILoginInfo);
  login.init(origin, null, origin, server.username, password, "", "");
  await Services.logins.addLoginAsync(login);
  const done = status => resolve({ ok: status == 0, status: String(status) });
  server.verifyLogon({
    OnStartRunningUrl() {}, onStartRunningUrl() {},
    OnStopRunningUrl(url, status) { done(status); }, onStopRunningUrl(url, status) { done(status); },
    QueryInterface: ChromeUtils.generateQI(["nsIUrlListener"]),
  }, null);
  setTimeout(() => resolve({ ok: null, status: "no callback" }), 5000);
})().catch(e => resolve({ ok: false, error: String(e) }));
