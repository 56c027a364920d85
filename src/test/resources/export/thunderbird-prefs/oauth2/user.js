// Made by MailWizard from tested settings for alice.mailwizard@outlook.com.
// Put this file in your Thunderbird profile folder (Help > Troubleshooting Information > Profile Folder)
// while Thunderbird is closed. It is read at every start.
// Note: mail.smtpservers below REPLACES the list of outgoing servers. If you already have some, add
// "mailwizard1" to your existing list instead (Settings > Config Editor).
// OAuth2 (auth method 10): Thunderbird opens Outlook.com's sign-in page on the first send and keeps the token itself.
// Help from Outlook.com: POP, IMAP, and SMTP settings for Outlook.com: https://support.microsoft.com/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040
user_pref("mail.smtpservers", "mailwizard1");
user_pref("mail.smtp.defaultserver", "mailwizard1");
user_pref("mail.smtpserver.mailwizard1.description", "outlook.com (587, STARTTLS)");
user_pref("mail.smtpserver.mailwizard1.hostname", "smtp-mail.outlook.com");
user_pref("mail.smtpserver.mailwizard1.port", 587);
user_pref("mail.smtpserver.mailwizard1.try_ssl", 2);
user_pref("mail.smtpserver.mailwizard1.authMethod", 10);
user_pref("mail.smtpserver.mailwizard1.username", "alice.mailwizard@outlook.com");
