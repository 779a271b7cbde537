package org.fundtrail.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.fundtrail.network.definition.NetworkDefinition;

/**
 * The network of the demo: a finance ministry (FinanceMSP), six departments with twenty-seven
 * agencies hosted by HealthMSP, EducationMSP and InfraMSP, and the audit office (AuditMSP); one
 * officer per organisation. The YAML is the classpath resource {@link #RESOURCE}, in the format of
 * {@code network-config/network.yaml}.
 *
 * <pre>{@code
 * Path yaml = DemoNetwork.copyTo(dataDir.resolve("network.yaml"));
 * NetworkDefinition def = NetworkDefinition.load(yaml);
 * EmbeddedNode node = EmbeddedNode.newInstance().dataDirectory(dataDir).network(def).build();
 * }</pre>
 */
public final class DemoNetwork {
    /** The classpath resource holding the demo network definition. */
    public static final String RESOURCE = "/org/fundtrail/cli/demo/demo-network.yaml";

    private DemoNetwork() {
    }

    /**
     * Writes the demo network definition to a file, replacing it.
     *
     * @param file where to write it; its parent folders are created
     * @return {@code file}
     * @throws IOException when the file cannot be written
     */
    public static Path copyTo(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (InputStream in = open()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * Reads the demo network definition.
     *
     * @return the definition
     * @throws IllegalStateException when the built-in resource is missing or invalid (a build error)
     */
    public static NetworkDefinition definition() {
        try {
            Path temp = Files.createTempFile("fundtrail-demo-network", ".yaml");
            try {
                return NetworkDefinition.load(copyTo(temp));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the built-in demo network " + RESOURCE + " is unusable",
                    new UncheckedIOException(e));
        }
    }

    private static InputStream open() throws IOException {
        InputStream in = DemoNetwork.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("classpath resource " + RESOURCE + " is missing");
        }
        return in;
    }
}
