"""A certificate authority made for one test run, and a server certificate for 127.0.0.1 that it signed
(openssl): TLS is proven without trusting anything of the machine's."""
import subprocess


def make_ca_and_certificate(folder):
    def openssl(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=backup-request test CA",
            "-keyout", f"{folder}/ca.key", "-out", f"{folder}/ca.pem")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", f"{folder}/server.key",
            "-out", f"{folder}/server.csr")
    with open(f"{folder}/ext.cnf", "w") as ext:
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:tracker.test\n")
    openssl("x509", "-req", "-in", f"{folder}/server.csr", "-CA", f"{folder}/ca.pem", "-CAkey", f"{folder}/ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", f"{folder}/ext.cnf", "-out", f"{folder}/server.pem")
