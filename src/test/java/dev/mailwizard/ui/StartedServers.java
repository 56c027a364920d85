package dev.mailwizard.ui;

import dev.mailwizard.demo.ScriptedSmtpServer;
import dev.mailwizard.demo.ServerBehaviour;

import java.util.ArrayList;
import java.util.List;

/** The scripted servers a wizard test started, all closed after each test (register it with {@code @RegisterExtension}). */
final class StartedServers implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {
    private final List<ScriptedSmtpServer> servers = new ArrayList<>();

    ScriptedSmtpServer start(ServerBehaviour behaviour) {
        ScriptedSmtpServer s = ScriptedSmtpServer.start(behaviour);
        servers.add(s);
        return s;
    }

    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        servers.forEach(ScriptedSmtpServer::close);
        servers.clear();
    }
}
