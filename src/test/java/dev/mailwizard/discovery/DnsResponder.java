package dev.mailwizard.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** A DNS server on a loopback UDP port for tests, answering from a table (dnsjava builds the messages). */
final class DnsResponder implements AutoCloseable {
    enum Mode { ANSWER, SILENT, SERVFAIL }

    private final DatagramSocket socket;
    private final Map<String, List<Record>> table = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.ANSWER;
    private volatile boolean authenticated;
    private final Thread thread;

    DnsResponder() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "dns-responder");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    DnsResponder add(Record record) {
        table.computeIfAbsent(key(record.getName().toString(), record.getType()), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    DnsResponder mode(Mode m) {
        mode = m;
        return this;
    }

    /** Sets the AD bit, as a validating resolver does for DNSSEC-signed answers. */
    DnsResponder authenticated(boolean ad) {
        authenticated = ad;
        return this;
    }

    private static String key(String name, int type) {
        return name.toLowerCase(java.util.Locale.ROOT) + "/" + type;
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                if (mode == Mode.SILENT) {
                    continue;
                }
                Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.RA);
                Record question = query.getQuestion();
                answer.addRecord(question, Section.QUESTION);
                if (mode == Mode.SERVFAIL) {
                    answer.getHeader().setRcode(Rcode.SERVFAIL);
                } else {
                    List<Record> records = table.get(key(question.getName().toString(), question.getType()));
                    if (records == null) {
                        boolean nameExists = table.keySet().stream().anyMatch(k -> k.startsWith(question.getName().toString().toLowerCase(java.util.Locale.ROOT) + "/"));
                        answer.getHeader().setRcode(nameExists ? Rcode.NOERROR : Rcode.NXDOMAIN);
                    } else {
                        records.forEach(r -> answer.addRecord(r, Section.ANSWER));
                        if (authenticated) {
                            answer.getHeader().setFlag(Flags.AD);
                        }
                    }
                }
                byte[] out = answer.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
