package org.fundtrail.network.node.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fundtrail.network.node.endorse.Endorser;
import org.fundtrail.network.node.endorse.EndorserException;
import org.fundtrail.network.node.msp.ChannelMsps;
import org.fundtrail.network.node.msp.Identity;
import org.fundtrail.network.node.msp.IdentityException;
import org.fundtrail.network.node.order.Committer;
import org.fundtrail.network.node.order.SubmitRefusedException;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.TxLocation;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/**
 * Fabric's Gateway service ({@code gateway.proto}) over the embedded endorser and committer, with
 * the status codes, messages and {@link ErrorDetail}s a Fabric 2.5 gateway peer returns
 * ({@code internal/pkg/gateway}).
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {
    private static final Logger LOG = Logger.getLogger(GatewayService.class.getName());
    private final String channel;
    private final java.util.function.Supplier<String> address;
    private final String gatewayMspId;
    private final Endorser endorser;
    private final Committer committer;
    private final ChannelMsps msps;
    private final BlockSource blocks;
    private final ExecutorService streams;

    /**
     * @param channel the channel name
     * @param address supplies the address named in error details
     * @param gatewayMspId the MSP named in error details
     * @param endorser the endorser
     * @param committer the committer
     * @param msps the channel MSPs
     * @param store the ledger
     * @param streams runs event streams
     */
    public GatewayService(String channel, java.util.function.Supplier<String> address, String gatewayMspId, Endorser endorser, Committer committer,
            ChannelMsps msps, LedgerStore store, ExecutorService streams) {
        this.channel = channel;
        this.address = address;
        this.gatewayMspId = gatewayMspId;
        this.endorser = endorser;
        this.committer = committer;
        this.msps = msps;
        this.blocks = new BlockSource(store, committer);
        this.streams = streams;
    }

    @Override
    public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> out) {
        if (!request.hasProposedTransaction()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("the proposed transaction must contain a signed proposal")
                    .asRuntimeException());
            return;
        }
        try {
            Endorser.Endorsed e = endorser.endorse(request.getProposedTransaction(), request.getEndorsingOrganizationsList());
            out.onNext(EndorseResponse.newBuilder().setPreparedTransaction(e.preparedTransaction()).build());
            out.onCompleted();
        } catch (EndorserException e) {
            if (e.kind() == EndorserException.Kind.MALFORMED) {
                out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            } else if (e.kind() == EndorserException.Kind.NOT_DEPLOYED) {
                out.onError(Status.FAILED_PRECONDITION.withDescription("no combination of peers can be derived which "
                        + "satisfy the endorsement policy: " + e.getMessage()).asRuntimeException());
            } else {
                out.onError(withDetail(com.google.rpc.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info", e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "endorsement failed", e);
            out.onError(withDetail(com.google.rpc.Code.ABORTED,
                    "failed to endorse transaction, see attached details for more info", String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<SubmitResponse> out) {
        if (!request.hasPreparedTransaction()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("a prepared transaction is required").asRuntimeException());
            return;
        }
        if (request.getPreparedTransaction().getSignature().isEmpty()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("prepared transaction must be signed").asRuntimeException());
            return;
        }
        try {
            committer.submit(request.getPreparedTransaction());
            out.onNext(SubmitResponse.getDefaultInstance());
            out.onCompleted();
        } catch (SubmitRefusedException e) {
            out.onError(Status.ABORTED.withDescription("received unsuccessful response from orderer: status="
                    + e.status().name() + ", info=" + e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void commitStatus(SignedCommitStatusRequest signed, StreamObserver<CommitStatusResponse> out) {
        CommitStatusRequest request;
        try {
            request = CommitStatusRequest.parseFrom(signed.getRequest());
        } catch (InvalidProtocolBufferException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("invalid status request: " + e.getMessage()).asRuntimeException());
            return;
        }
        if (request.getIdentity().isEmpty()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("no identity provided").asRuntimeException());
            return;
        }
        if (request.getChannelId().isEmpty()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("no channel ID provided").asRuntimeException());
            return;
        }
        if (request.getTransactionId().isEmpty()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("transaction ID should not be empty").asRuntimeException());
            return;
        }
        if (refusedSigned(request.getIdentity(), signed.getRequest(), signed.getSignature(), request.getChannelId(), out)) {
            return;
        }
        ServerCallStreamObserver<CommitStatusResponse> call = (ServerCallStreamObserver<CommitStatusResponse>) out;
        CompletableFuture<TxLocation> f;
        try {
            f = committer.commitStatus(request.getTransactionId());
        } catch (IOException e) {
            out.onError(Status.ABORTED.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        call.setOnCancelHandler(() -> committer.cancelCommitStatus(request.getTransactionId(), f));
        f.whenComplete((loc, err) -> {
            if (call.isCancelled()) {
                return;
            }
            if (err != null) {
                out.onError(Status.ABORTED.withDescription(err.getMessage()).asRuntimeException());
            } else {
                out.onNext(CommitStatusResponse.newBuilder().setResultValue(loc.validationCode())
                        .setBlockNumber(loc.blockNumber()).build());
                out.onCompleted();
            }
        });
    }

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> out) {
        if (!request.hasProposedTransaction()) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("an evaluate request is required").asRuntimeException());
            return;
        }
        try {
            out.onNext(EvaluateResponse.newBuilder().setResult(endorser.evaluate(request.getProposedTransaction())).build());
            out.onCompleted();
        } catch (EndorserException e) {
            switch (e.kind()) {
                case MALFORMED -> out.onError(Status.INVALID_ARGUMENT
                        .withDescription("failed to unpack transaction proposal: " + e.getMessage()).asRuntimeException());
                case NOT_DEPLOYED -> out.onError(notDeployedOnEvaluate(e));
                case CHAINCODE -> out.onError(withDetail(com.google.rpc.Code.UNKNOWN,
                        "evaluate call to endorser returned error: " + e.getMessage(), e.getMessage()));
                default -> out.onError(withDetail(com.google.rpc.Code.FAILED_PRECONDITION,
                        "evaluate call to endorser returned error: " + e.getMessage(), e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "evaluation failed", e);
            out.onError(withDetail(com.google.rpc.Code.UNKNOWN, "evaluate call to endorser returned error: " + e.getMessage(),
                    String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void chaincodeEvents(SignedChaincodeEventsRequest signed, StreamObserver<ChaincodeEventsResponse> out) {
        ChaincodeEventsRequest request;
        try {
            request = ChaincodeEventsRequest.parseFrom(signed.getRequest());
        } catch (InvalidProtocolBufferException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription("invalid chaincode events request: " + e.getMessage())
                    .asRuntimeException());
            return;
        }
        if (refusedSigned(request.getIdentity(), signed.getRequest(), signed.getSignature(), request.getChannelId(), out)) {
            return;
        }
        long start;
        try {
            start = startBlock(request);
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        } catch (IOException e) {
            out.onError(Status.ABORTED.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        ServerCallStreamObserver<ChaincodeEventsResponse> call = (ServerCallStreamObserver<ChaincodeEventsResponse>) out;
        call.setOnCancelHandler(() -> { });
        streams.execute(() -> streamEvents(request, start, call));
    }

    private long startBlock(ChaincodeEventsRequest request) throws IOException {
        if (!request.getAfterTransactionId().isEmpty()) {
            Optional<TxLocation> loc = blocks.transaction(request.getAfterTransactionId());
            if (loc.isPresent()) {
                return loc.get().blockNumber();
            }
        }
        SeekPosition p = request.getStartPosition();
        return switch (p.getTypeCase()) {
            case SPECIFIED -> p.getSpecified().getNumber();
            case NEXT_COMMIT, TYPE_NOT_SET -> blocks.height();
            default -> throw Status.INVALID_ARGUMENT.withDescription("invalid start position type: " + p.getTypeCase())
                    .asRuntimeException();
        };
    }

    private void streamEvents(ChaincodeEventsRequest request, long start, ServerCallStreamObserver<ChaincodeEventsResponse> call) {
        String after = request.getAfterTransactionId();
        boolean passed = after.isEmpty();
        try {
            for (long n = start; !call.isCancelled(); n++) {
                Optional<Block> block = blocks.await(n, call);
                if (block.isEmpty()) {
                    return;
                }
                List<ChaincodeEvent> events = BlockEvents.chaincodeEvents(block.get());
                ChaincodeEventsResponse.Builder response = ChaincodeEventsResponse.newBuilder().setBlockNumber(n);
                for (ChaincodeEvent e : events) {
                    if (!passed) {
                        passed = e.getTxId().equals(after);
                        continue;
                    }
                    if (e.getChaincodeId().equals(request.getChaincodeId())) {
                        response.addEvents(e);
                    }
                }
                if (response.getEventsCount() > 0) {
                    call.onNext(response.build());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.onError(Status.CANCELLED.withDescription("node stopping").asRuntimeException());
        } catch (IOException | RuntimeException e) {
            if (!call.isCancelled()) {
                call.onError(Status.ABORTED.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
            }
        }
    }

    /**
     * Checks a signed request's signature and channel as a peer does, answering the refusal itself.
     *
     * @return whether it refused the request (the call is then closed with PERMISSION_DENIED or NOT_FOUND)
     */
    private boolean refusedSigned(com.google.protobuf.ByteString identity, com.google.protobuf.ByteString message,
            com.google.protobuf.ByteString signature, String channelId, StreamObserver<?> out) {
        Optional<String> denied = checkSigned(identity, message, signature);
        if (denied.isPresent()) {
            out.onError(Status.PERMISSION_DENIED.withDescription(denied.get()).asRuntimeException());
            return true;
        }
        if (!channelId.equals(channel)) {
            out.onError(Status.NOT_FOUND.withDescription("channel " + channelId + " not found").asRuntimeException());
            return true;
        }
        return false;
    }

    private Optional<String> checkSigned(com.google.protobuf.ByteString identity, com.google.protobuf.ByteString message,
            com.google.protobuf.ByteString signature) {
        try {
            Identity id = msps.deserialize(identity);
            if (!msps.verify(id, message.toByteArray(), signature.toByteArray())) {
                return Optional.of("failed evaluating policy on signed data during check policy [/Channel/Application/Readers]:"
                        + " [implicit policy evaluation failed - 0 sub-policies were satisfied]");
            }
            return Optional.empty();
        } catch (IdentityException e) {
            return Optional.of("failed deserializing signing identity: " + e.getMessage());
        }
    }

    private StatusRuntimeException withDetail(com.google.rpc.Code code, String message, String detail) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder().setAddress(address.get()).setMspId(gatewayMspId).setMessage(detail).build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    /**
     * What a Fabric gateway answers an evaluate for a channel it has not joined (UNAVAILABLE: it has no
     * channel config) or a chaincode no peer has (FAILED_PRECONDITION: no peers available).
     */
    private RuntimeException notDeployedOnEvaluate(EndorserException e) {
        if (!e.channelId().equals(channel)) {
            return Status.UNAVAILABLE.withDescription("failed to get config for channel [" + e.channelId()
                    + "]: could not get last config for channel " + e.channelId()).asRuntimeException();
        }
        return Status.FAILED_PRECONDITION.withDescription("no peers available to evaluate chaincode "
                + e.chaincodeName() + " in channel " + e.channelId()).asRuntimeException();
    }
}
