package org.fundtrail.network.node.order;

import org.fundtrail.network.definition.SignaturePolicy;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fundtrail.network.node.block.BlockFactory;
import org.fundtrail.network.node.block.BlockHashing;
import org.fundtrail.network.node.msp.ChannelMsps;
import org.fundtrail.network.node.store.BlockCommit;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.StateWrite;
import org.fundtrail.network.node.store.TxLocation;
import org.fundtrail.network.node.store.Version;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The ordering service and the committing peer, in one: accepts submitted envelopes (after the
 * orderer's signature check), cuts a block at N transactions or T milliseconds on one committer
 * thread, validates each transaction as Fabric's committer does (duplicate txId, MVCC read versions
 * and phantom reads against committed state plus the earlier valid transactions of the same block),
 * writes the block with its transaction filter and the valid writes in one atomic batch, then
 * wakes commit-status waiters and block listeners.
 *
 * <pre>{@code
 * Committer c = new Committer(channel, chaincode, msps, policy, store, blockFactory, 500, 5);
 * c.start();
 * c.submit(signedEnvelope);
 * TxLocation where = c.commitStatus(txId).get();
 * }</pre>
 */
public final class Committer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Committer.class.getName());

    private final TransactionChecker checker;
    private final LedgerStore store;
    private final BlockFactory blocks;
    private final int maxTransactions;
    private final long maxDelayNanos;
    private final BlockingQueue<PendingTransaction> queue = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<TxLocation>> waiters = new ConcurrentHashMap<>();
    private final List<Consumer<Block>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object heightMonitor = new Object();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param channel the channel
     * @param chaincode the chaincode name
     * @param msps the channel MSPs
     * @param policy the endorsement policy
     * @param store the ledger
     * @param blocks cuts and signs blocks
     * @param maxTransactions most transactions per block
     * @param maxDelayMillis longest wait for more transactions after the first of a block arrives
     */
    public Committer(String channel, String chaincode, ChannelMsps msps, SignaturePolicy policy, LedgerStore store,
            BlockFactory blocks, int maxTransactions, long maxDelayMillis) {
        this.checker = new TransactionChecker(channel, chaincode, msps, policy);
        this.store = Objects.requireNonNull(store, "store");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        if (maxTransactions < 1 || maxDelayMillis < 0) {
            throw new IllegalArgumentException("block cutting needs at least 1 transaction and a delay >= 0");
        }
        this.maxTransactions = maxTransactions;
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
        this.thread = new Thread(this::run, "fundtrail-committer");
        this.thread.setDaemon(true);
    }

    /** Starts the committer thread. */
    public void start() {
        thread.start();
    }

    /**
     * Checks a signed transaction as the orderer does and queues it for the next block.
     *
     * @param envelope the client-signed transaction envelope
     * @return the transaction ID
     * @throws SubmitRefusedException when the envelope is malformed or its creator or signature is refused
     */
    public String submit(Envelope envelope) throws SubmitRefusedException {
        if (!running) {
            throw new SubmitRefusedException(org.hyperledger.fabric.protos.common.Status.SERVICE_UNAVAILABLE,
                    "the node is shutting down");
        }
        PendingTransaction tx = checker.check(envelope);
        pending.computeIfAbsent(tx.txId(), k -> new AtomicInteger()).incrementAndGet();
        queue.add(tx);
        return tx.txId();
    }

    /**
     * @param txId a transaction ID
     * @return whether it was submitted and is not yet committed
     */
    public boolean isPending(String txId) {
        return pending.containsKey(txId);
    }

    /**
     * @param txId a transaction ID
     * @return completes with where the transaction was committed (immediately when it already was)
     * @throws IOException on a storage failure
     */
    public CompletableFuture<TxLocation> commitStatus(String txId) throws IOException {
        CompletableFuture<TxLocation> f = waiters.computeIfAbsent(txId, k -> new CompletableFuture<>());
        Optional<TxLocation> done = store.transaction(txId);
        if (done.isPresent()) {
            waiters.remove(txId, f);
            f.complete(done.get());
        }
        return f;
    }

    /**
     * Forgets a commit-status waiter whose caller went away.
     *
     * @param txId the transaction ID
     * @param future the future {@link #commitStatus} returned
     */
    public void cancelCommitStatus(String txId, CompletableFuture<TxLocation> future) {
        // The cancelled call's own completion action is the one dependent left when nobody else waits.
        if (!future.isDone() && future.getNumberOfDependents() <= 1) {
            waiters.remove(txId, future);
        }
    }

    /** @param listener called on the committer thread after each block is durable */
    public void addBlockListener(Consumer<Block> listener) {
        listeners.add(listener);
    }

    /**
     * Blocks until the ledger height exceeds a block number, or the timeout passes.
     *
     * @param blockNumber the block waited for
     * @param timeoutMillis the longest wait
     * @return whether that block is committed
     * @throws InterruptedException when interrupted
     */
    public boolean awaitBlock(long blockNumber, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (heightMonitor) {
            while (store.height() <= blockNumber) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || !running) {
                    return store.height() > blockNumber;
                }
                heightMonitor.wait(left);
            }
            return true;
        }
    }

    /**
     * Commits block 0 (the genesis block) when the ledger is empty.
     *
     * @param genesis the genesis block
     * @throws IOException on a storage failure
     */
    public void commitGenesis(Block genesis) throws IOException {
        if (store.height() == 0) {
            store.commit(new BlockCommit(genesis, BlockHashing.headerHash(genesis.getHeader()), List.of(""),
                    List.of(TxValidationCode.VALID_VALUE), List.of()));
        }
    }

    private void run() {
        List<PendingTransaction> batch = new ArrayList<>();
        while (running) {
            try {
                PendingTransaction first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxDelayNanos;
                while (batch.size() < maxTransactions) {
                    queue.drainTo(batch, maxTransactions - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= maxTransactions || left <= 0) {
                        break;
                    }
                    PendingTransaction next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                commitBlock(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "committing a block failed; its transactions stay uncommitted", e);
                for (PendingTransaction tx : batch) {
                    unpend(tx.txId());
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void commitBlock(List<PendingTransaction> batch) throws IOException {
        long number = store.height();
        BlockWrites blockWrites = new BlockWrites(store);
        Set<String> blockTxIds = new HashSet<>();
        List<ByteString> envelopes = new ArrayList<>(batch.size());
        List<String> txIds = new ArrayList<>(batch.size());
        List<Integer> codes = new ArrayList<>(batch.size());
        List<StateWrite> writes = new ArrayList<>();
        byte[] filter = new byte[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            PendingTransaction tx = batch.get(i);
            TxValidationCode code = tx.staticCode();
            if (!blockTxIds.add(tx.txId()) || store.transaction(tx.txId()).isPresent()) {
                code = TxValidationCode.DUPLICATE_TXID;
            }
            List<KVRWSet> sets = new ArrayList<>();
            if (code == TxValidationCode.VALID) {
                try {
                    for (NsReadWriteSet ns : tx.rwsets()) {
                        sets.add(KVRWSet.parseFrom(ns.getRwset()));
                    }
                } catch (InvalidProtocolBufferException e) {
                    code = TxValidationCode.BAD_RWSET;
                }
            }
            if (code == TxValidationCode.VALID) {
                code = blockWrites.validate(tx.rwsets(), sets);
            }
            if (code == TxValidationCode.VALID) {
                for (int n = 0; n < sets.size(); n++) {
                    String ns = tx.rwsets().get(n).getNamespace();
                    for (KVWrite w : sets.get(n).getWritesList()) {
                        boolean delete = w.getIsDelete() || w.getValue().isEmpty();
                        Version version = new Version(number, i);
                        if (delete) {
                            blockWrites.deleted(ns, w.getKey());
                        } else {
                            blockWrites.written(ns, w.getKey(), version);
                        }
                        writes.add(new StateWrite(ns, w.getKey(), delete ? null : w.getValue().toByteArray(),
                                version, tx.txId(), tx.timestamp()));
                    }
                }
            }
            envelopes.add(tx.envelope());
            txIds.add(tx.txId());
            codes.add(code.getNumber());
            filter[i] = (byte) code.getNumber();
        }
        byte[] previous = store.lastHeaderHash();
        Block block = blocks.build(number, previous == null ? new byte[0] : previous, envelopes, filter);
        org.fundtrail.network.node.store.CrashPoint.reached("block-built", number);
        store.commit(new BlockCommit(block, BlockHashing.headerHash(block.getHeader()), txIds, codes, writes));
        for (PendingTransaction tx : batch) {
            unpend(tx.txId());
        }
        for (int i = 0; i < txIds.size(); i++) {
            CompletableFuture<TxLocation> f = waiters.remove(txIds.get(i));
            if (f != null) {
                f.complete(store.transaction(txIds.get(i)).orElse(new TxLocation(number, i, codes.get(i))));
            }
        }
        org.fundtrail.network.node.store.CrashPoint.reached("after-notify", number);
        synchronized (heightMonitor) {
            heightMonitor.notifyAll();
        }
        for (Consumer<Block> l : listeners) {
            try {
                l.accept(block);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "block listener failed", e);
            }
        }
    }

    private void unpend(String txId) {
        pending.computeIfPresent(txId, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (heightMonitor) {
            heightMonitor.notifyAll();
        }
        for (CompletableFuture<TxLocation> f : waiters.values()) {
            f.completeExceptionally(new IOException("the node stopped before the transaction committed"));
        }
    }
}
