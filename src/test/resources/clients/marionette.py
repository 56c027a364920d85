# A minimal Marionette client (Firefox/Thunderbird remote protocol: "length:json" frames on TCP 2828).
# Runs one chrome-context async script in a headless Thunderbird and prints its result as JSON.
# Usage: python3 marionette.py SCRIPT.js [ARG-FILE...]   (each argument is read from a file, so no
# secret ever appears on a command line)
import json
import socket
import sys
import time


def connect(port, seconds=60):
    end = time.time() + seconds
    while True:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=60)
            break
        except OSError:
            if time.time() > end:
                raise
            time.sleep(0.3)
    read(s)  # the server's hello
    return s


def read(s):
    head = b""
    while not head.endswith(b":"):
        c = s.recv(1)
        if not c:
            raise EOFError("Marionette closed the connection")
        head += c
    size = int(head[:-1])
    data = b""
    while len(data) < size:
        chunk = s.recv(size - len(data))
        if not chunk:
            raise EOFError("Marionette closed the connection")
        data += chunk
    return json.loads(data)


_id = 0


def command(s, name, params):
    global _id
    _id += 1
    body = json.dumps([0, _id, name, params]).encode()
    s.sendall(str(len(body)).encode() + b":" + body)
    while True:
        reply = read(s)
        if reply[0] == 1 and reply[1] == _id:
            if reply[2]:
                raise RuntimeError(json.dumps(reply[2]))
            return reply[3]


if __name__ == "__main__":
    script = open(sys.argv[1]).read()
    args = [open(a).read() for a in sys.argv[2:]]
    session = connect(2828)
    command(session, "WebDriver:NewSession", {"capabilities": {}})
    command(session, "Marionette:SetContext", {"value": "chrome"})
    result = command(session, "WebDriver:ExecuteAsyncScript", {"script": script, "args": args, "scriptTimeout": 30000})
    print(json.dumps(result.get("value", result)))
