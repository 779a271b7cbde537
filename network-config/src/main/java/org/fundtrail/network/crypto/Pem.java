package org.fundtrail.network.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** PEM encoding and the file writes of this package: new files only, atomic, keys owner-only. */
final class Pem {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    static String certificate(X509Certificate cert) {
        try {
            return encode("CERTIFICATE", cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    static String crl(X509CRL crl) {
        try {
            return encode("X509 CRL", crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("CRL cannot be encoded", e);
        }
    }

    static String privateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded()); // PKCS#8, as cryptogen writes it
    }

    static X509Certificate readCertificate(Path file) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (CertificateException | ClassCastException e) {
            throw new IOException(file + ": not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    static X509CRL readCrl(Path file) throws IOException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (CertificateException | CRLException | ClassCastException e) {
            throw new IOException(file + ": not an X.509 CRL: " + e.getMessage(), e);
        }
    }

    static PrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + ": not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        String b64 = text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end);
        try {
            byte[] der = Base64.getMimeDecoder().decode(b64);
            return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": not an EC private key: " + e.getMessage(), e);
        }
    }

    /** Creates a directory (and its parents); a private one is made rwx------ at creation. */
    static void createDirectory(Path dir, boolean ownerOnly) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            if (ownerOnly && isPosix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Writes a file that must not exist yet: the bytes go to a temporary file in the same folder
     * (created with its final permissions, so a key is never readable by others, not even briefly),
     * are forced to disk, then linked to the final name, which fails rather than replace a file.
     *
     * @return false, writing nothing, when the file already exists
     */
    static boolean writeNew(Path file, String content, boolean secret) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        boolean posix = isPosix(dir);
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(secret ? OWNER_FILE : PUBLIC_FILE)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp); // atomic, and never replaces an existing file
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.move(tmp, file); // no hard links here: not atomic, still never replaces
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Replaces a public file atomically (write aside, force, rename over). */
    static void replace(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileAttribute<?>[] attrs = isPosix(dir)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PUBLIC_FILE)}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                ch.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
