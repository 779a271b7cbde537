package org.fundtrail.cli;

import io.grpc.CallOptions;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A gRPC proxy on a loopback port in front of a real node, forwarding the Gateway's unary calls
 * byte for byte, except for one injected fault — so that the CLI, which dials an endpoint from its
 * connection file, meets the fault through its real client.
 */
final class FaultyGateway implements AutoCloseable {
    /** The fault to inject. */
    enum Fault {
        /** The node accepts the first Submit, then dies: every later call is UNAVAILABLE. */
        NODE_LOST_AFTER_SUBMIT,
        /** Every transaction is invalidated as MVCC_READ_CONFLICT (and so never reaches the node's orderer). */
        EVERY_COMMIT_CONFLICTS
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final Fault fault;
    private final ManagedChannel node;
    private final Server server;
    private volatile boolean lost;
    /** How many calls the fault answered. */
    final AtomicInteger faulted = new AtomicInteger();

    FaultyGateway(int nodePort, Fault fault) throws IOException {
        this.fault = fault;
        this.node = NettyChannelBuilder.forTarget("127.0.0.1:" + nodePort).usePlaintext().build();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .fallbackHandlerRegistry(new HandlerRegistry() {
                    @Override
                    public ServerMethodDefinition<?, ?> lookupMethod(String method, String authority) {
                        return ServerMethodDefinition.create(unary(method),
                                ServerCalls.asyncUnaryCall((request, response) -> call(method, request, response)));
                    }
                }).build().start();
    }

    /** @return the proxy's endpoint, {@code 127.0.0.1:PORT} */
    String endpoint() {
        return "127.0.0.1:" + server.getPort();
    }

    private static MethodDescriptor<byte[], byte[]> unary(String method) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(method).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    private void call(String method, byte[] request, StreamObserver<byte[]> response) {
        switch (fault) {
            case NODE_LOST_AFTER_SUBMIT -> {
                if (lost) {
                    faulted.incrementAndGet();
                    response.onError(Status.UNAVAILABLE.withDescription("node killed (injected)").asRuntimeException());
                    return;
                }
                forward(method, request, method.endsWith("/Submit") ? new LoseNodeAfter(response) : response);
            }
            case EVERY_COMMIT_CONFLICTS -> {
                if (method.endsWith("/Submit")) {
                    faulted.incrementAndGet();
                    reply(response, SubmitResponse.getDefaultInstance().toByteArray());
                } else if (method.endsWith("/CommitStatus")) {
                    faulted.incrementAndGet();
                    reply(response, CommitStatusResponse.newBuilder().setResult(TxValidationCode.MVCC_READ_CONFLICT)
                            .setBlockNumber(1).build().toByteArray());
                } else {
                    forward(method, request, response);
                }
            }
            default -> throw new IllegalStateException(fault.name());
        }
    }

    private void forward(String method, byte[] request, StreamObserver<byte[]> response) {
        ClientCalls.asyncUnaryCall(node.newCall(unary(method), CallOptions.DEFAULT), request, response);
    }

    private static void reply(StreamObserver<byte[]> response, byte[] message) {
        response.onNext(message);
        response.onCompleted();
    }

    /** Passes the Submit's answer on, then marks the node lost. */
    private final class LoseNodeAfter implements StreamObserver<byte[]> {
        private final StreamObserver<byte[]> response;

        LoseNodeAfter(StreamObserver<byte[]> response) {
            this.response = response;
        }

        @Override
        public void onNext(byte[] value) {
            response.onNext(value);
        }

        @Override
        public void onError(Throwable t) {
            response.onError(t);
        }

        @Override
        public void onCompleted() {
            lost = true;
            response.onCompleted();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        node.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
