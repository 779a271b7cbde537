package org.fundtrail.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions whose outcome is uncertain: a lost commit status is retried and the retry finds the
 * record already committed (done, counted once); a node lost for good after the submit is reported as
 * an unknown outcome naming the transaction; submitting a committed request again is already done,
 * while the same id with other values stays a refusal.
 */
class UncertainCommitTest {

    /** Fails the first {@code CommitStatus} call with UNAVAILABLE, as a dropped connection would. */
    private static final class LoseFirstCommitStatus implements ClientInterceptor {
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            if (method.getFullMethodName().endsWith("/CommitStatus") && lost.getAndIncrement() == 0) {
                return new ClientCall<>() {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        listener.onClose(Status.UNAVAILABLE.withDescription("connection lost (injected)"),
                                new Metadata());
                    }

                    @Override
                    public void request(int n) {
                    }

                    @Override
                    public void cancel(String message, Throwable cause) {
                    }

                    @Override
                    public void halfClose() {
                    }

                    @Override
                    public void sendMessage(Q message) {
                    }
                };
            }
            return next.newCall(method, options);
        }
    }

    /**
     * Lets calls through until the first {@code CommitStatus}; from then on answers every call with
     * UNAVAILABLE, as a client whose node was killed just after accepting a transaction would see.
     */
    private static final class NodeLostAfterSubmit implements ClientInterceptor {
        final AtomicInteger refused = new AtomicInteger();
        private volatile boolean lost;

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            if (method.getFullMethodName().endsWith("/CommitStatus")) {
                lost = true;
            }
            if (!lost) {
                return next.newCall(method, options);
            }
            refused.incrementAndGet();
            return new ClientCall<>() {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    listener.onClose(Status.UNAVAILABLE.withDescription("node killed (injected)"), new Metadata());
                }

                @Override
                public void request(int n) {
                }

                @Override
                public void cancel(String message, Throwable cause) {
                }

                @Override
                public void halfClose() {
                }

                @Override
                public void sendMessage(Q message) {
                }
            };
        }
    }

    private static void budget(EmbeddedLedger network) throws Exception {
        try (FundtrailLedger admin = network.open("FinanceMSP", "Admin");
             FundtrailLedger ministry = network.open("FinanceMSP", "officer@mof")) {
            admin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP",
                    null));
            admin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF",
                    "HealthMSP", null));
            ministry.submit(new AppropriationRequest("A", 2026, "100.00", "EUR", new Classification("07", "P",
                    null), "Health", null));
        }
    }

    @Test
    void a_node_lost_after_the_submit_is_reported_as_commit_unknown_naming_the_transaction(@TempDir Path dir)
            throws Exception {
        try (EmbeddedLedger network = new EmbeddedLedger(dir)) {
            budget(network);
            NodeLostAfterSubmit killed = new NodeLostAfterSubmit();
            ManagedChannel channel = NettyChannelBuilder.forTarget("127.0.0.1:" + network.node.port())
                    .usePlaintext().build();
            CommitUnknownException unknown;
            try (FundtrailLedger ministry = FundtrailLedger.newInstance()
                    .config(network.connection("FinanceMSP", "officer@mof")).maxAttempts(3)
                    .channel(ClientInterceptors.intercept(channel, killed)).build()) {
                unknown = catchThrowableOfType(CommitUnknownException.class, () -> ministry.submit(
                        new TransferRequest("T-1", "A", "HEALTH", "D", "40.00", "EUR", "Grant", null)));
            } finally {
                channel.shutdownNow();
            }
            assertThat(unknown).as("not 'the ledger did not answer'").isNotNull();
            assertThat(killed.refused.get()).as("every call after the submit failed").isGreaterThanOrEqualTo(3);
            assertThat(unknown.recordId()).isEqualTo("T-1");
            assertThat(unknown.transactionId()).matches("[0-9a-f]{64}");
            assertThat(unknown.getMessage()).contains(unknown.transactionId()).contains("T-1").contains("unknown");
            try (FundtrailLedger auditor = network.open("AuditMSP", "auditor")) {
                assertThat(committed(auditor, "T-1").txId()).as("the transaction did commit")
                        .isEqualTo(unknown.transactionId());
            }
        }
    }

    @Test
    void submitting_a_committed_request_again_reports_already_done_with_its_transaction_and_block(
            @TempDir Path dir) throws Exception {
        try (EmbeddedLedger network = new EmbeddedLedger(dir)) {
            budget(network);
            try (FundtrailLedger ministry = network.open("FinanceMSP", "officer@mof")) {
                TransferRequest request = new TransferRequest("T-2", "A", "HEALTH", "D2", "40.00", "EUR", "Grant",
                        null);
                Submission first = ministry.submit(request);
                Submission again = ministry.submit(new TransferRequest("T-2", "A", "HEALTH", "D2", "40", "EUR",
                        "Grant", null));
                assertThat(again.alreadyDone()).isTrue();
                assertThat(again.transactionId()).isEqualTo(first.transactionId());
                assertThat(again.blockNumber()).isEqualTo(first.blockNumber()).isPositive();
                assertThat(again.records()).singleElement().extracting(r -> r.id()).isEqualTo("T-2");
                assertThat(ministry.allocation("A").balance().transferred()).as("counted once").isEqualTo("40.00");
            }
        }
    }

    @Test
    void the_same_id_with_other_values_or_another_type_stays_an_already_exists_refusal(@TempDir Path dir)
            throws Exception {
        try (EmbeddedLedger network = new EmbeddedLedger(dir)) {
            budget(network);
            try (FundtrailLedger ministry = network.open("FinanceMSP", "officer@mof")) {
                ministry.submit(new TransferRequest("T-3", "A", "HEALTH", "D3", "40.00", "EUR", "Grant", null));
                for (SubmitRequest other : java.util.List.<SubmitRequest>of(
                        new TransferRequest("T-3", "A", "HEALTH", "D3", "41.00", "EUR", "Grant", null),
                        new TransferRequest("T-3", "A", "HEALTH", "D3", "40.00", "EUR", "Grant", "ref"),
                        new TransferRequest("T-3", "A", "HEALTH", "D4", "40.00", "EUR", "Grant", null),
                        new AppropriationRequest("T-3", 2026, "40.00", "EUR", new Classification("07", "P", null),
                                "Grant", null))) {
                    RefusedException refused = catchThrowableOfType(RefusedException.class,
                            () -> ministry.submit(other));
                    assertThat(refused).as("%s", other).isNotNull();
                    assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                }
                assertThat(ministry.allocation("A").balance().transferred()).isEqualTo("40.00");
            }
        }
    }

    private static org.fundtrail.chaincode.domain.LedgerRecord committed(FundtrailLedger ledger, String id)
            throws Exception {
        for (int i = 0; ; i++) {
            try {
                return ledger.record(id);
            } catch (RefusedException e) {
                if (i >= 100) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void a_retry_after_a_lost_commit_status_reports_already_done_and_counts_once(@TempDir Path dir)
            throws Exception {
        try (EmbeddedLedger network = new EmbeddedLedger(dir)) {
            try (FundtrailLedger admin = network.open("FinanceMSP", "Admin");
                 FundtrailLedger ministry = network.open("FinanceMSP", "officer@mof")) {
                admin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP",
                        null));
                admin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF",
                        "HealthMSP", null));
                ministry.submit(new AppropriationRequest("A", 2026, "100.00", "EUR", new Classification("07", "P",
                        null), "Health", null));
            }
            LoseFirstCommitStatus lossy = new LoseFirstCommitStatus();
            ManagedChannel channel = NettyChannelBuilder.forTarget("127.0.0.1:" + network.node.port())
                    .usePlaintext().build();
            try (FundtrailLedger ministry = FundtrailLedger.newInstance()
                    .config(network.connection("FinanceMSP", "officer@mof"))
                    .channel(ClientInterceptors.intercept(channel, lossy)).build()) {
                Submission s = ministry.submit(new TransferRequest("T-1", "A", "HEALTH", "D", "40.00", "EUR",
                        "Grant", null));
                assertThat(lossy.lost.get()).as("the first commit status was lost").isGreaterThanOrEqualTo(1);
                assertThat(s.alreadyDone()).isTrue();
                assertThat(s.records()).singleElement().extracting(r -> r.id()).isEqualTo("T-1");
                assertThat(ministry.allocation("A").balance().transferred()).isEqualTo("40.00");
                assertThat(ministry.allocation("A").balance().available()).isEqualTo("60.00");
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
