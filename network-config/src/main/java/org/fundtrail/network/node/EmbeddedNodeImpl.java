package org.fundtrail.network.node;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.MspMaterial;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.crypto.TlsMaterial;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.SignaturePolicy;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.node.block.BlockFactory;
import org.fundtrail.network.node.block.GenesisBlock;
import org.fundtrail.network.node.chaincode.ChaincodeRunner;
import org.fundtrail.network.node.endorse.Endorser;
import org.fundtrail.network.node.grpc.DeliverService;
import org.fundtrail.network.node.grpc.GatewayService;
import org.fundtrail.network.node.msp.ChannelMsps;
import org.fundtrail.network.node.order.Committer;
import org.fundtrail.network.node.store.LedgerStore;

final class EmbeddedNodeImpl implements EmbeddedNode {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EmbeddedNodeImpl.class.getName());
    private static final int MAX_MESSAGE_BYTES = 100 * 1024 * 1024;
    private final Path dataDirectory;
    private final NetworkDefinition network;
    private final int requestedPort;
    private final boolean tcp;
    private final boolean tls;
    private final String contractClasspath;
    private final int maxTransactions;
    private final long maxDelayMillis;
    private final String inProcessName = "fundtrail-node-" + UUID.randomUUID();
    private NetworkCrypto crypto;
    private LedgerStore store;
    private Committer committer;
    private ExecutorService streams;
    private Server tcpServer;
    private Server inProcessServer;
    private volatile int boundPort;
    private boolean started;
    private boolean closed;

    EmbeddedNodeImpl(EmbeddedNode.Builder b) {
        this.dataDirectory = b.dataDirectory;
        this.network = b.network;
        this.requestedPort = b.port;
        this.tcp = b.tcp;
        this.tls = b.tls;
        this.contractClasspath = b.contractClasspath;
        this.maxTransactions = b.maxTransactionsPerBlock;
        this.maxDelayMillis = b.maxBlockDelayMillis;
    }

    @Override
    public synchronized void start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException(closed ? "node is closed" : "node already started");
        }
        started = true;
        try {
            long cryptoStart = System.nanoTime();
            crypto = CryptoGenerator.generate(network, dataDirectory.resolve("crypto"));
            LOG.fine(() -> "crypto material ready in " + (System.nanoTime() - cryptoStart) / 1_000_000 + " ms");
            List<MspMaterial> appMsps = new ArrayList<>();
            Map<String, SigningIdentity> peers = new LinkedHashMap<>();
            for (OrgDefinition org : network.organizations()) {
                appMsps.add(crypto.msp(org.mspId()));
                peers.put(org.mspId(), crypto.peer(org.mspId()));
            }
            MspMaterial ordererMsp = crypto.msp(network.orderer().mspId());
            List<MspMaterial> all = new ArrayList<>(appMsps);
            all.add(ordererMsp);
            ChannelMsps msps = ChannelMsps.of(all);
            SignaturePolicy policy = network.endorsement();
            store = LedgerStore.open(dataDirectory.resolve("ledger"));
            BlockFactory factory = new BlockFactory(crypto.orderer());
            committer = new Committer(network.channel(), network.chaincode(), msps, policy, store, factory,
                    maxTransactions, maxDelayMillis);
            if (store.height() == 0) {
                committer.commitGenesis(GenesisBlock.create(network.channel(), appMsps, ordererMsp, crypto.orderer(), factory));
            }
            long routerStart = System.nanoTime();
            ChaincodeRunner runner = ChaincodeRunner.start(network.chaincode(), contractClasspath);
            LOG.fine(() -> "contract router ready in " + (System.nanoTime() - routerStart) / 1_000_000 + " ms");
            Endorser endorser = new Endorser(network.channel(), network.chaincode(), msps, store, runner, peers, policy,
                    committer::isPending);
            AtomicInteger threads = new AtomicInteger();
            streams = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fundtrail-stream-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            String gatewayMsp = network.organizations().get(0).mspId();
            committer.start();
            if (tcp) {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort);
                GatewayService gateway = new GatewayService(network.channel(), () -> "127.0.0.1:" + boundPort, gatewayMsp, endorser,
                        committer, msps, store, streams);
                NettyServerBuilder builder = NettyServerBuilder.forAddress(address).maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .addService(gateway).addService(new DeliverService(network.channel(), msps, store, committer, streams));
                if (tls) {
                    TlsMaterial material = crypto.peerTls(gatewayMsp);
                    builder.sslContext(GrpcSslContexts.forServer(material.certificate().toFile(), material.privateKey().toFile())
                            .build());
                }
                tcpServer = builder.build().start();
                boundPort = tcpServer.getPort();
            }
            GatewayService gateway = new GatewayService(network.channel(), () -> "in-process:" + inProcessName, gatewayMsp, endorser,
                    committer, msps, store, streams);
            // No handler blocks (streams run on their own pool, commit status completes from the committer), so
            // in-process calls run their handler on the caller's thread: no hand-off to another thread and back.
            inProcessServer = InProcessServerBuilder.forName(inProcessName).maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .directExecutor()
                    .addService(gateway).addService(new DeliverService(network.channel(), msps, store, committer, streams))
                    .build().start();
        } catch (GeneralSecurityException e) {
            close();
            throw new IOException("cannot build the genesis block: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized int port() {
        if (tcpServer == null) {
            throw new IllegalStateException(tcp ? "node not started" : "node serves in-process only");
        }
        return tcpServer.getPort();
    }

    @Override
    public synchronized ManagedChannel inProcessChannel() {
        if (inProcessServer == null) {
            throw new IllegalStateException("node not started");
        }
        return InProcessChannelBuilder.forName(inProcessName).maxInboundMessageSize(MAX_MESSAGE_BYTES).build();
    }

    @Override
    public NetworkDefinition network() {
        return network;
    }

    @Override
    public synchronized NetworkCrypto crypto() {
        if (crypto == null) {
            throw new IllegalStateException("node not started");
        }
        return crypto;
    }

    @Override
    public synchronized long height() {
        return store == null ? 0 : store.height();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Server s : new Server[] {tcpServer, inProcessServer}) {
            if (s != null) {
                s.shutdownNow();
            }
        }
        if (streams != null) {
            streams.shutdownNow();
        }
        if (committer != null) {
            committer.close();
        }
        for (Server s : new Server[] {tcpServer, inProcessServer}) {
            if (s != null) {
                try {
                    s.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (streams != null) {
            try {
                streams.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (store != null) {
            store.close();
        }
    }
}
