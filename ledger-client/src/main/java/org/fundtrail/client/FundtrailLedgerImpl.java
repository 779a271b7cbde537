package org.fundtrail.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;
import org.hyperledger.fabric.client.CommitStatusException;
import org.fundtrail.client.readmodel.BlockSource;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/** The {@link FundtrailLedger} over a fabric-gateway {@link Gateway}. */
final class FundtrailLedgerImpl implements FundtrailLedger {
    private static final ObjectMapper REQUESTS = new ObjectMapper();
    private static final long BACKOFF_MILLIS = 20;
    /** Fabric's query system chaincode, on every peer of every channel. */
    private static final String QUERY_SYSTEM_CHAINCODE = "qscc";

    private final Gateway gateway;
    private final ManagedChannel ownedChannel;
    private final Network network;
    private final Contract contract;
    private final int maxAttempts;

    private FundtrailLedgerImpl(Gateway gateway, ManagedChannel ownedChannel, Network network, Contract contract,
                                int maxAttempts) {
        this.gateway = gateway;
        this.ownedChannel = ownedChannel;
        this.network = network;
        this.contract = contract;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Tries a submission up to {@code maxAttempts} times. Once an attempt's outcome is unknown (it was
     * submitted but its commit status never came), the call ends in a definite answer — committed,
     * already done, or refused because the id belongs to another record — or in {@link
     * CommitUnknownException}, never in an error that would suggest nothing was written.
     */
    @Override
    public Submission submit(SubmitRequest request) throws LedgerException {
        Objects.requireNonNull(request, "request");
        String json = json(request);
        String unknownTxId = null;
        LedgerException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return submitOnce(request.transactionName(), json);
            } catch (CommitFailedException e) {
                if (!e.isConflict()) {
                    throw unknownTxId == null ? e : new CommitUnknownException(request.id(), unknownTxId, e);
                }
                last = e;
            } catch (LedgerUnavailableException e) {
                unknownTxId = e.transactionId() != null ? e.transactionId() : unknownTxId;
                last = e;
            } catch (RefusedException e) {
                if (e.code() != ErrorCode.ALREADY_EXISTS) {
                    throw unknownTxId == null ? e : new CommitUnknownException(request.id(), unknownTxId, e);
                }
                try {
                    Optional<Submission> done = alreadyDone(request);
                    if (done.isPresent()) {
                        return done.get();
                    }
                    throw e;
                } catch (LedgerUnavailableException lookup) {
                    last = lookup;
                }
            }
            if (attempt < maxAttempts) {
                backoff(attempt);
            }
        }
        if (unknownTxId != null) {
            throw new CommitUnknownException(request.id(), unknownTxId, last);
        }
        throw last;
    }

    private static void backoff(int attempt) {
        long ceiling = BACKOFF_MILLIS << Math.min(attempt, 6);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Submission submitOnce(String transaction, String json) throws LedgerException {
        Proposal proposal = contract.newProposal(transaction).addArguments(json).build();
        String txId = proposal.getTransactionId();
        SubmittedTransaction submitted;
        try {
            submitted = proposal.endorse().submitAsync();
        } catch (EndorseException e) {
            throw translate(e, txId, false);
        } catch (SubmitException e) {
            throw translate(e, txId, true);
        }
        org.hyperledger.fabric.client.Status status;
        try {
            status = submitted.getStatus();
        } catch (CommitStatusException e) {
            throw translate(e, txId, true);
        }
        if (!status.isSuccessful()) {
            throw new CommitFailedException(status.getCode(), status.getBlockNumber(), txId);
        }
        return new Submission(txId, status.getBlockNumber(), LedgerRecords.parseWritten(submitted.getResult()),
                false);
    }

    /**
     * After an {@code ALREADY_EXISTS}: is the record under the request's id this very submission,
     * committed earlier? Then it is reported done, with the transaction and block that committed it.
     */
    private Optional<Submission> alreadyDone(SubmitRequest request) throws LedgerException {
        LedgerRecord existing;
        try {
            existing = record(request.id());
        } catch (RefusedException notThere) {
            return Optional.empty();
        }
        if (!SameSubmission.matches(request, existing)) {
            return Optional.empty();
        }
        return Optional.of(new Submission(existing.txId(), blockOf(existing.txId()), List.of(existing), true));
    }

    /**
     * Asks the gateway's CommitStatus service where a transaction was committed; for a committed
     * transaction the answer is immediate.
     *
     * @return the block number, or -1 when the ledger cannot say
     */
    private long blockOf(String txId) {
        try {
            Identity identity = gateway.getIdentity();
            ByteString creator = SerializedIdentity.newBuilder().setMspid(identity.getMspId())
                    .setIdBytes(ByteString.copyFrom(identity.getCredentials())).build().toByteString();
            CommitStatusRequest request = CommitStatusRequest.newBuilder().setChannelId(network.getName())
                    .setTransactionId(txId).setIdentity(creator).build();
            Commit commit = gateway.newCommit(SignedCommitStatusRequest.newBuilder()
                    .setRequest(request.toByteString()).build().toByteArray());
            org.hyperledger.fabric.client.Status status = commit.getStatus(
                    o -> o.withDeadlineAfter(10, TimeUnit.SECONDS));
            return status.isSuccessful() ? status.getBlockNumber() : -1;
        } catch (CommitStatusException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public List<LedgerRecord> dryRun(SubmitRequest request) throws LedgerException {
        return LedgerRecords.parseWritten(evaluate(request.transactionName(), json(request)));
    }

    @Override
    public Organization organization(String id) throws LedgerException {
        return CanonicalJson.read(evaluate("GetOrganization", id), Organization.class);
    }

    @Override
    public AllocationView allocation(String id) throws LedgerException {
        return view(tree(evaluate("GetAllocation", id)));
    }

    @Override
    public LedgerRecord record(String id) throws LedgerException {
        JsonNode json = tree(evaluate("GetRecord", id));
        if (json.has("allocation")) {
            return view(json).allocation();
        }
        return LedgerRecords.parse(json);
    }

    @Override
    public ChildPage children(String allocationId, int pageSize, String bookmark) throws LedgerException {
        JsonNode page = tree(evaluate("ListChildren", allocationId, Integer.toString(pageSize),
                bookmark == null ? "" : bookmark));
        List<AllocationView> children = new ArrayList<>();
        for (JsonNode child : page.get("children")) {
            children.add(view(child));
        }
        return new ChildPage(children, page.get("bookmark").asText());
    }

    @Override
    public RecordHistory history(String id) throws LedgerException {
        JsonNode json = tree(evaluate("GetHistory", id));
        List<RecordHistory.Version> versions = new ArrayList<>();
        for (JsonNode v : json.get("versions")) {
            versions.add(new RecordHistory.Version(v.get("key").asText(), v.get("txId").asText(),
                    v.get("timestamp").asText(), v.get("deleted").asBoolean(), v.get("value")));
        }
        return new RecordHistory(json.get("id").asText(), RecordType.valueOf(json.get("type").asText()), versions);
    }

    @Override
    public TraceDown traceDown(String allocationId, int maxNodes) throws LedgerException {
        return CanonicalJson.read(evaluate("TraceDown", allocationId, Integer.toString(maxNodes)), TraceDown.class);
    }

    @Override
    public TraceUp traceUp(String recordId) throws LedgerException {
        return CanonicalJson.read(evaluate("TraceUp", recordId), TraceUp.class);
    }

    @Override
    public BlockSource blocks() {
        return start -> {
            try {
                CloseableIterator<Block> events = network.newBlockEventsRequest().startBlock(start).build()
                        .getEvents();
                return BlockSource.stream(events, events::close);
            } catch (RuntimeException e) {
                throw new IOException("cannot open the block stream from block " + start + ": " + e.getMessage(), e);
            }
        };
    }

    @Override
    public long height() throws LedgerException {
        byte[] info;
        try {
            info = network.getContract(QUERY_SYSTEM_CHAINCODE).evaluateTransaction("GetChainInfo", network.getName());
        } catch (GatewayException e) {
            throw translate(e, null, false);
        }
        try {
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unexpected GetChainInfo answer from the peer", e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        if (ownedChannel != null) {
            ownedChannel.shutdownNow();
            try {
                ownedChannel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] evaluate(String function, String... args) throws LedgerException {
        try {
            return contract.evaluateTransaction(function, args);
        } catch (GatewayException e) {
            throw translate(e, null, false);
        }
    }

    private static AllocationView view(JsonNode json) {
        try {
            return new AllocationView(CanonicalJson.mapper().treeToValue(json.get("allocation"), Allocation.class),
                    CanonicalJson.mapper().treeToValue(json.get("balance"), Balance.class));
        } catch (IOException e) {
            throw new IllegalStateException("unexpected allocation JSON from the chaincode", e);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected JSON from the chaincode", e);
        }
    }

    private static String json(SubmitRequest request) {
        try {
            return REQUESTS.writeValueAsString(request);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request " + request, e);
        }
    }

    /**
     * Turns a gateway failure into ours: a chaincode refusal (its message carries the code and the
     * field), the ledger being unreachable, or (for commit) an invalidated transaction.
     */
    static LedgerException translate(GatewayException e, String txId, boolean outcomeUnknown) {
        List<String> messages = new ArrayList<>();
        for (ErrorDetail detail : e.getDetails()) {
            messages.add(detail.getMessage());
        }
        messages.add(e.getStatus().getDescription());
        for (String message : messages) {
            Optional<Refusal.Parsed> refusal = Refusal.parse(chaincodeMessage(message));
            if (refusal.isPresent()) {
                Refusal.Parsed parsed = refusal.get();
                return new RefusedException(parsed.code(), parsed.field(), parsed.message(), txId, e);
            }
        }
        Status.Code code = e.getStatus().getCode();
        String reason = e.getStatus().getDescription() == null ? code.name() : e.getStatus().getDescription();
        if (!e.getDetails().isEmpty()) {
            reason += " (" + e.getDetails().get(0).getMessage() + ")";
        }
        if (reason.contains("No metadata was found for chaincode") || reason.contains("failed to get config for channel")
                || reason.contains("no peers available to evaluate chaincode")) {
            // A Fabric gateway's words for a channel it has not joined or a chaincode no peer has: the
            // connection's channel or chaincode is wrong (or its peers are all down), not a chaincode refusal.
            return new GatewayRejectedException(code.name(), "the gateway knows no such channel or chaincode: "
                    + reason, txId, e);
        }
        if (code == Status.Code.FAILED_PRECONDITION && !outcomeUnknown && reason.contains("peer")) {
            // The gateway knows too few live peers to endorse (discovery still converging, a peer restarting):
            // nothing was sent to the orderer, so trying again later is safe.
            return new LedgerUnavailableException("the ledger cannot endorse now: " + reason, null, e);
        }
        switch (code) {
            case PERMISSION_DENIED:
            case INVALID_ARGUMENT:
            case NOT_FOUND:
            case FAILED_PRECONDITION:
                return new GatewayRejectedException(code.name(), "the gateway rejected the request (" + code.name()
                        + "): " + reason, txId, e);
            default:
                return new LedgerUnavailableException((outcomeUnknown ? "the outcome of transaction " + txId
                        + " is unknown: " : "the ledger did not answer: ") + code + " " + reason,
                        outcomeUnknown ? txId : null, e);
        }
    }

    private static String chaincodeMessage(String message) {
        if (message == null) {
            return null;
        }
        int at = message.indexOf("chaincode response ");
        if (at < 0) {
            return message;
        }
        int comma = message.indexOf(", ", at);
        return comma < 0 ? message : message.substring(comma + 2);
    }

    /** Builds the ledger: reads the identity, dials the gateway (unless given a channel), connects. */
    static final class BuilderImpl implements Builder {
        private ConnectionConfig config;
        private Channel channel;
        private int maxAttempts = 10;

        @Override
        public Builder config(ConnectionConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        @Override
        public Builder channel(Channel value) {
            this.channel = Objects.requireNonNull(value, "channel");
            return this;
        }

        @Override
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = attempts;
            return this;
        }

        @Override
        public FundtrailLedger build() throws IOException {
            Objects.requireNonNull(config, "config");
            X509Identity identity;
            org.hyperledger.fabric.client.identity.Signer signer;
            try (Reader cert = Files.newBufferedReader(config.certificate());
                 Reader key = Files.newBufferedReader(config.privateKey())) {
                identity = new X509Identity(config.mspId(), Identities.readX509Certificate(cert));
                signer = Signers.newPrivateKeySigner(Identities.readPrivateKey(key));
            } catch (CertificateException | InvalidKeyException e) {
                throw new IOException("cannot read the identity " + config.certificate() + " / "
                        + config.privateKey() + ": " + e.getMessage(), e);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IOException("identity file not found: " + e.getFile(), e);
            }
            ManagedChannel owned = null;
            Channel connection = channel;
            if (connection == null) {
                owned = dial(config);
                connection = owned;
            }
            Gateway gateway = Gateway.newInstance().identity(identity).signer(signer).hash(Hash.SHA256)
                    .connection(connection)
                    .evaluateOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .commitStatusOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS))
                    .connect();
            Network network = gateway.getNetwork(config.channel());
            return new FundtrailLedgerImpl(gateway, owned, network, network.getContract(config.chaincode()),
                    maxAttempts);
        }

        private static ManagedChannel dial(ConnectionConfig config) throws IOException {
            NettyChannelBuilder builder = NettyChannelBuilder.forTarget(config.endpoint());
            if (config.tlsRootCertificate() == null) {
                builder.usePlaintext();
            } else {
                builder.sslContext(GrpcSslContexts.forClient().trustManager(config.tlsRootCertificate().toFile())
                        .build());
                if (config.hostOverride() != null) {
                    builder.overrideAuthority(config.hostOverride());
                }
            }
            return builder.build();
        }
    }
}
