package org.fundtrail.client;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.fundtrail.chaincode.domain.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission whose commit status was lost (the connection dropped after the transaction was
 * ordered) is retried; the retry finds the record already committed and reports it as done,
 * without counting it twice.
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
