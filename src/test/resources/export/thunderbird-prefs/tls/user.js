// Made by MailWizard from tested settings for alice@example.test.
// Put this file in your Thunderbird profile folder (Help > Troubleshooting Information > Profile Folder)
// while Thunderbird is closed. It is read at every start.
// Note: mail.smtpservers below REPLACES the list of outgoing servers. If you already have some, add
// "mailwizard1,mailwizard2" to your existing list instead (Settings > Config Editor).
// No password here: Thunderbird asks on the first send and keeps it in its password manager.
user_pref("mail.smtpservers", "mailwizard1,mailwizard2");
user_pref("mail.smtp.defaultserver", "mailwizard1");
user_pref("mail.smtpserver.mailwizard1.description", "example.test (465, SSL/TLS)");
user_pref("mail.smtpserver.mailwizard1.hostname", "smtp.example.test");
user_pref("mail.smtpserver.mailwizard1.port", 465);
user_pref("mail.smtpserver.mailwizard1.try_ssl", 3);
user_pref("mail.smtpserver.mailwizard1.authMethod", 3);
user_pref("mail.smtpserver.mailwizard1.username", "alice@example.test");
user_pref("mail.smtpserver.mailwizard2.description", "example.test (587, STARTTLS)");
user_pref("mail.smtpserver.mailwizard2.hostname", "smtp.example.test");
user_pref("mail.smtpserver.mailwizard2.port", 587);
user_pref("mail.smtpserver.mailwizard2.try_ssl", 2);
user_pref("mail.smtpserver.mailwizard2.authMethod", 3);
user_pref("mail.smtpserver.mailwizard2.username", "alice@example.test");
