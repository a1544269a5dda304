#!/usr/bin/env python3
"""A stand-in Engine API that answers the five requests of `docker exec CTR true`
(ping, container inspect, exec create, exec start, exec inspect) at once,
without running anything: the stock docker CLI's own floor for an exec.

usage: bench/stub_engine.py SOCKET   (serves until killed)
"""
import json
import os
import socket
import sys
import threading

HEADERS = "Api-Version: 1.44\r\nOstype: linux\r\nServer: stub\r\n"
CONTAINER = json.dumps({"Id": "c" * 64, "State": {"Status": "running", "Running": True}, "Config": {"Tty": False},
                        "HostConfig": {}})


def response(status, body, content_type="application/json", head_only=False):
    data = body.encode()
    head = f"HTTP/1.1 {status}\r\n{HEADERS}Content-Type: {content_type}\r\nContent-Length: {len(data)}\r\n\r\n"
    return head.encode() + (b"" if head_only else data)


def answer(method, path):
    """The canned reply to one request; None for exec start (upgrade, then end of stream)."""
    if path.endswith("/_ping"):
        return response("200 OK", "OK", "text/plain; charset=utf-8", head_only=method == "HEAD")
    if path.endswith("/start"):
        return None
    if path.endswith("/exec"):
        return response("201 Created", json.dumps({"Id": "e" * 64}))
    if "/exec/" in path:
        return response("200 OK", json.dumps({"ID": "e" * 64, "Running": False, "ExitCode": 0, "Pid": 1}))
    if "/containers/" in path:
        return response("200 OK", CONTAINER)
    return response("404 Not Found", json.dumps({"message": "not in the stub"}))


def serve(connection):
    pending = b""
    with connection:
        while True:
            while b"\r\n\r\n" not in pending:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                pending += chunk
            head, pending = pending.split(b"\r\n\r\n", 1)
            lines = head.decode().split("\r\n")
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            while len(pending) < length:
                pending += connection.recv(65536)
            pending = pending[length:]
            method, path = lines[0].split()[:2]
            reply = answer(method, path)
            if reply is None:
                connection.sendall(f"HTTP/1.1 101 UPGRADED\r\n{HEADERS}Content-Type: application/vnd.docker.multiplexed-stream\r\n"
                                   "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n".encode())
                return
            connection.sendall(reply)


def main():
    path = sys.argv[1]
    if os.path.exists(path):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(64)
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()


if __name__ == "__main__":
    main()
