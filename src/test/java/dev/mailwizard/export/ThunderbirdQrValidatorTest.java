package dev.mailwizard.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator on the format's own examples: the two of qr-code-format.md and the payloads of
 * Thunderbird for Android's parser and reader tests pass; each broken variant (Thunderbird for
 * Android's validator tests, and one per rule the validator adds) fails with its own reason.
 */
class ThunderbirdQrValidatorTest {
    /** qr-code-format.md, "One IMAP account". */
    private static final String ONE_ACCOUNT = "[1,[1,1],[0,\"imap.domain.example\",993,3,1,\"user@domain.example\"],"
            + "[[[0,\"smtp.domain.example\",465,3,1,\"user@domain.example\"],[\"user@domain.example\",\"Jane Doe\"]]]]";

    /** qr-code-format.md, "Two IMAP accounts": the first code of two, OAuth2, with account names and empty passwords. */
    private static final String TWO_ACCOUNTS = "[1,[1,2],"
            + "[0,\"imap.company.example\",993,3,6,\"user@company.example\",\"user@company.example\",\"\"],"
            + "[[[0,\"smtp.company.example\",465,3,6,\"user@company.example\",\"\"],[\"user@company.example\",\"Jane Doe\"]]],"
            + "[0,\"imap.domain.example\",993,3,1,\"jane@domain.example\",\"Jane (Personal)\",\"\"],"
            + "[[[0,\"smtp.domain.example\",465,3,1,\"jane@domain.example\",\"\"],[\"jane@domain.example\",\"Jane\"]]]]";

    /** QrCodePayloadParserTest: one account, no account name, passwords, two identities. */
    private static final String WITH_PASSWORDS = "[1,[1,1],[0,\"imap.domain.example\",993,3,2,\"username\",\"\",\"imap-password\"],"
            + "[[[0,\"smtp.domain.example\",587,2,1,\"username\",\"smtp-password\"],"
            + "[\"user@domain.example\",\"Firstname Lastname\"],[\"alias@domain.example\",\"Nickname Lastname\"]]]]";

    /** QrCodePayloadReaderTest: the second code of three, two accounts with two identities each. */
    private static final String SECOND_OF_THREE = "[1,[2,3],"
            + "[0,\"imap.domain.example\",993,3,2,\"username\",\"\",\"imap-password\"],"
            + "[[[0,\"smtp.domain.example\",587,2,1,\"username\",\"smtp-password\"],"
            + "[\"user@domain.example\",\"Firstname Lastname\"],[\"alias@domain.example\",\"Nickname\"]]],"
            + "[0,\"imap.company.example\",143,2,1,\"user@company.example\",\"\",\"company-password\"],"
            + "[[[0,\"smtp.company.example\",465,3,1,\"user@company.example\",\"company-password\"],"
            + "[\"user@company.example\",\"Firstname Lastname\"],[\"alias@company.example\",\"Nickname Lastname\"]]]]";

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("spec: one IMAP account", ONE_ACCOUNT),
                Arguments.of("spec: two IMAP accounts", TWO_ACCOUNTS),
                Arguments.of("parser test: no account name, no passwords", "[1,[1,1],[0,\"imap.domain.example\",993,3,2,\"username\"],"
                        + "[[[0,\"smtp.domain.example\",587,2,1,\"username\"],[\"user@domain.example\",\"Firstname Lastname\"]]]]"),
                Arguments.of("parser test: account name, no passwords", "[1,[1,1],[0,\"imap.domain.example\",993,3,2,\"username\",\"Personal\"],"
                        + "[[[0,\"smtp.domain.example\",587,2,1,\"username\"],[\"user@domain.example\",\"Firstname Lastname\"]]]]"),
                Arguments.of("parser test: passwords, two identities", WITH_PASSWORDS),
                Arguments.of("reader test: code 2 of 3, two accounts", SECOND_OF_THREE),
                Arguments.of("POP3 with an IDN host in ACE form", ONE_ACCOUNT.replace("[0,\"imap.domain.example\"", "[1,\"pop.xn--bcher-kva.example\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void theFormatsOwnExamplesPass(String name, String payload) {
        assertThat(ThunderbirdQrValidator.problems(payload)).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                // Thunderbird for Android's parser tests
                Arguments.of("a URL", "https://domain.example/path", "not JSON"),
                Arguments.of("cut short", "[1,[", "not JSON"),
                Arguments.of("elements a writer must not add", WITH_PASSWORDS.replace("\"imap-password\"]", "\"imap-password\",\"extra\"]"),
                        "account 1 IncomingServer has 9 elements; version 1 defines 8, and a writer must not add more"),
                Arguments.of("an extra MiscellaneousData element", ONE_ACCOUNT.replace("[1,1]", "[1,1,\"extra\"]"),
                        "MiscellaneousData has 3 elements; version 1 defines 2"),
                Arguments.of("an extra Identity element", ONE_ACCOUNT.replace("\"Jane Doe\"]", "\"Jane Doe\",\"extra\"]"),
                        "Identity 1 has 3 elements; version 1 defines 2"),
                // Thunderbird for Android's validator tests
                Arguments.of("version 2", ONE_ACCOUNT.replaceFirst("\\[1,", "[2,"), "FormatVersion is 2, not 1"),
                Arguments.of("no account", "[1,[1,1]]", "the root has 2 elements"),
                Arguments.of("no outgoing group", ONE_ACCOUNT.substring(0, ONE_ACCOUNT.indexOf("[[[")) + "[]]",
                        "account 1 OutgoingServerGroups is not an array of at least one OutgoingServerGroup"),
                Arguments.of("no identity", ONE_ACCOUNT.replace(",[\"user@domain.example\",\"Jane Doe\"]", ""),
                        "group 1 is not an array of an OutgoingServer and at least one Identity"),
                Arguments.of("incoming protocol 2", ONE_ACCOUNT.replace("[0,\"imap", "[2,\"imap"), "IncomingProtocol 2 is not 0 (IMAP) or 1 (POP3)"),
                Arguments.of("a space in a host name", ONE_ACCOUNT.replace("imap.domain.example", "invalid hostname"),
                        "IncomingServer Hostname 'invalid hostname' is not a host name"),
                Arguments.of("port 100000", ONE_ACCOUNT.replace(",993,", ",100000,"), "IncomingServer Port 100000 is outside 1-65535"),
                Arguments.of("port 0", ONE_ACCOUNT.replace(",465,", ",0,"), "OutgoingServer Port 0 is outside 1-65535"),
                Arguments.of("connection security 100", ONE_ACCOUNT.replace(",993,3,", ",993,100,"), "ConnectionSecurity 100 is not 0 (plain), 2 (STARTTLS) or 3 (TLS)"),
                Arguments.of("authentication 100", ONE_ACCOUNT.replace(",993,3,1,", ",993,3,100,"), "AuthenticationType 100 is not one of 0-6"),
                Arguments.of("GSSAPI", ONE_ACCOUNT.replace(",993,3,1,", ",993,3,3,"), "AuthenticationType 3 (GSSAPI) is in the spec, but Thunderbird for Android skips"),
                Arguments.of("NTLM", ONE_ACCOUNT.replace(",465,3,1,", ",465,3,4,"), "OutgoingServer AuthenticationType 4 (NTLM)"),
                Arguments.of("a line break in a username", ONE_ACCOUNT.replace(",1,\"user@domain.example\"]", ",1,\"contains\\nline break\"]"),
                        "IncomingServer Username has a line break"),
                Arguments.of("a line break in an account name", TWO_ACCOUNTS.replace("\"Jane (Personal)\"", "\"contains\\nline break\""),
                        "account 2 IncomingServer AccountName has a line break"),
                Arguments.of("a line break in a password", WITH_PASSWORDS.replace("\"smtp-password\"", "\"contains\\r\\nline break\""),
                        "OutgoingServer Password has a line break"),
                Arguments.of("outgoing protocol 1", ONE_ACCOUNT.replace("[0,\"smtp", "[1,\"smtp"), "OutgoingProtocol 1 is not 0 (SMTP)"),
                Arguments.of("an address without '@'", ONE_ACCOUNT.replace("[\"user@domain.example\",\"Jane Doe\"]", "[\"invalid\",\"Jane Doe\"]"),
                        "Identity 1 EmailAddress 'invalid' is not an e-mail address"),
                Arguments.of("a line break in a display name", ONE_ACCOUNT.replace("Jane Doe", "contains\\nline break"),
                        "Identity 1 DisplayName has a line break"),
                // the rules the validator adds
                Arguments.of("sequence 0 of 1", ONE_ACCOUNT.replace("[1,1]", "[0,1]"), "sequence 0 of 1: both are 1-based"),
                Arguments.of("sequence 3 of 2", ONE_ACCOUNT.replace("[1,1]", "[3,2]"), "sequence 3 of 2: the number is past the end"),
                Arguments.of("the reserved connection security 1", ONE_ACCOUNT.replace(",465,3,", ",465,1,"),
                        "OutgoingServer ConnectionSecurity 1 is reserved (legacy): a writer never uses it"),
                Arguments.of("a required element left out", ONE_ACCOUNT.replace(",1,\"user@domain.example\"],[[[", ",1],[[["),
                        "account 1 IncomingServer has 5 elements; version 1 requires 6"),
                Arguments.of("a port as a string", ONE_ACCOUNT.replace(",993,", ",\"993\","), "IncomingServer Port is \"993\", not an integer"),
                Arguments.of("a fractional port", ONE_ACCOUNT.replace(",993,", ",993.5,"), "IncomingServer Port is 993.5, not an integer"),
                Arguments.of("a non-ASCII host name", ONE_ACCOUNT.replace("imap.domain.example", "imap.b\u00fccher.example"),
                        "IncomingServer Hostname 'imap.b\u00fccher.example' is not ASCII: an international name must be written in its ACE (xn--) form"),
                Arguments.of("a non-ASCII address (escaped in JSON)", ONE_ACCOUNT.replace("[\"user@domain.example\",\"Jane Doe\"]", "[\"j\\u00f6rg@domain.example\",\"Jane Doe\"]"),
                        "EmailAddress 'j\u00f6rg@domain.example' is not ASCII"),
                Arguments.of("a null password", ONE_ACCOUNT.replace(",465,3,1,\"user@domain.example\"]", ",465,3,1,\"user@domain.example\",null]"),
                        "OutgoingServer Password is null, which Thunderbird for Android's reader fails on"),
                Arguments.of("an account without its outgoing groups", ONE_ACCOUNT.substring(0, ONE_ACCOUNT.length() - 1)
                        + ",[0,\"imap.domain.example\",993,3,1,\"user2@domain.example\"]]", "account 2 has an IncomingServer without its OutgoingServerGroups"),
                Arguments.of("not an array", "{\"version\":1}", "the root is not an array"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void eachBrokenVariantFailsWithItsReason(String name, String payload, String reason) {
        assertThat(ThunderbirdQrValidator.problems(payload)).as(payload).anyMatch(p -> p.contains(reason));
    }
}
