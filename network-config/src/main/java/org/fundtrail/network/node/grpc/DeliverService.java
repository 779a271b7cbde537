package org.fundtrail.network.node.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.fundtrail.network.node.msp.ChannelMsps;
import org.fundtrail.network.node.msp.Identity;
import org.fundtrail.network.node.msp.IdentityException;
import org.fundtrail.network.node.order.Committer;
import org.fundtrail.network.node.store.LedgerStore;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.BlockAndPrivateData;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.DeliverResponse;

/**
 * The peer's Deliver service: full blocks ({@code Deliver}), filtered blocks ({@code DeliverFiltered})
 * and blocks with (no) private data ({@code DeliverWithPrivateData}), for signed seek requests with
 * start/stop positions, blocking until requested blocks are committed.
 */
public final class DeliverService extends DeliverGrpc.DeliverImplBase {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(DeliverService.class.getName());
    private enum Kind { FULL, FILTERED, PRIVATE }

    private final String channel;
    private final ChannelMsps msps;
    private final BlockSource blocks;
    private final ExecutorService streams;

    /**
     * @param channel the channel name
     * @param msps the channel MSPs (readers: every member)
     * @param store the ledger
     * @param committer tells when blocks commit
     * @param streams runs the streams
     */
    public DeliverService(String channel, ChannelMsps msps, LedgerStore store, Committer committer,
            ExecutorService streams) {
        this.channel = channel;
        this.msps = msps;
        this.blocks = new BlockSource(store, committer);
        this.streams = streams;
    }

    @Override
    public StreamObserver<Envelope> deliver(StreamObserver<DeliverResponse> out) {
        return new SeekHandler(Kind.FULL, (ServerCallStreamObserver<DeliverResponse>) out);
    }

    @Override
    public StreamObserver<Envelope> deliverFiltered(StreamObserver<DeliverResponse> out) {
        return new SeekHandler(Kind.FILTERED, (ServerCallStreamObserver<DeliverResponse>) out);
    }

    @Override
    public StreamObserver<Envelope> deliverWithPrivateData(StreamObserver<DeliverResponse> out) {
        return new SeekHandler(Kind.PRIVATE, (ServerCallStreamObserver<DeliverResponse>) out);
    }

    private final class SeekHandler implements StreamObserver<Envelope> {
        private final Kind kind;
        private final ServerCallStreamObserver<DeliverResponse> out;
        private final Object lock = new Object();
        private final java.util.ArrayDeque<Envelope> requests = new java.util.ArrayDeque<>();
        private boolean serving;
        private boolean halfClosed;
        private boolean done;

        SeekHandler(Kind kind, ServerCallStreamObserver<DeliverResponse> out) {
            this.kind = kind;
            this.out = out;
            out.setOnCancelHandler(() -> { });
        }

        @Override
        public void onNext(Envelope envelope) {
            synchronized (lock) {
                requests.add(envelope);
                if (serving) {
                    return;
                }
                serving = true;
            }
            streams.execute(this::drain);
        }

        /** Serves seek requests one after the other, as a Fabric peer does; completes after a half-close. */
        private void drain() {
            while (true) {
                Envelope next;
                synchronized (lock) {
                    next = requests.poll();
                    if (next == null) {
                        serving = false;
                        if (halfClosed && !done && !out.isCancelled()) {
                            done = true;
                            out.onCompleted();
                        }
                        return;
                    }
                }
                serve(next);
            }
        }

        @Override
        public void onError(Throwable t) {
            // the client went away; the stream loop sees the cancellation
        }

        @Override
        public void onCompleted() {
            synchronized (lock) {
                halfClosed = true;
                if (!serving && !done && !out.isCancelled()) {
                    done = true;
                    out.onCompleted();
                }
            }
        }

        private void send(DeliverResponse r) {
            synchronized (lock) {
                if (!done && !out.isCancelled()) {
                    out.onNext(r);
                }
            }
        }

        private void status(Status s) {
            send(DeliverResponse.newBuilder().setStatus(s).build());
        }

        private void serve(Envelope envelope) {
            SeekInfo seek;
            try {
                Payload payload = Payload.parseFrom(envelope.getPayload());
                ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
                SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
                if (ch.getType() != HeaderType.DELIVER_SEEK_INFO_VALUE) {
                    status(Status.BAD_REQUEST);
                    return;
                }
                if (!ch.getChannelId().equals(channel)) {
                    status(Status.NOT_FOUND);
                    return;
                }
                try {
                    Identity id = msps.deserialize(sh.getCreator());
                    if (!msps.verify(id, envelope.getPayload().toByteArray(), envelope.getSignature().toByteArray())) {
                        status(Status.FORBIDDEN);
                        return;
                    }
                } catch (IdentityException e) {
                    status(Status.FORBIDDEN);
                    return;
                }
                seek = SeekInfo.parseFrom(payload.getData());
            } catch (InvalidProtocolBufferException e) {
                status(Status.BAD_REQUEST);
                return;
            }
            long height = blocks.height();
            long start = position(seek.getStart(), height);
            long stop = seek.hasStop() ? position(seek.getStop(), height) : start;
            if (start < 0 || stop < start) {
                status(Status.BAD_REQUEST);
                return;
            }
            try {
                for (long n = start; n <= stop && !out.isCancelled(); n++) {
                    Optional<Block> block;
                    if (seek.getBehavior() == SeekInfo.SeekBehavior.FAIL_IF_NOT_READY && n >= blocks.height()) {
                        status(Status.NOT_FOUND);
                        return;
                    }
                    block = blocks.await(n, out);
                    if (block.isEmpty()) {
                        return;
                    }
                    send(switch (kind) {
                        case FULL -> DeliverResponse.newBuilder().setBlock(block.get()).build();
                        case FILTERED -> DeliverResponse.newBuilder().setFilteredBlock(BlockEvents.filtered(block.get(), channel))
                                .build();
                        case PRIVATE -> DeliverResponse.newBuilder()
                                .setBlockAndPrivateData(BlockAndPrivateData.newBuilder().setBlock(block.get())).build();
                    });
                }
                status(Status.SUCCESS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status(Status.SERVICE_UNAVAILABLE);
            } catch (IOException e) {
                // Said once, with the block, on both sides: a damaged store is not a transient failure.
                LOG.severe("cannot deliver: " + e.getMessage());
                synchronized (lock) {
                    if (!done && !out.isCancelled()) {
                        done = true;
                        out.onError(io.grpc.Status.DATA_LOSS.withDescription(e.getMessage()).asRuntimeException());
                    }
                }
            }
        }

        private long position(SeekPosition p, long height) {
            return switch (p.getTypeCase()) {
                case OLDEST -> 0;
                case NEWEST -> Math.max(0, height - 1);
                case SPECIFIED -> p.getSpecified().getNumber() < 0 ? Long.MAX_VALUE : p.getSpecified().getNumber();
                case NEXT_COMMIT -> height;
                default -> -1;
            };
        }
    }
}
