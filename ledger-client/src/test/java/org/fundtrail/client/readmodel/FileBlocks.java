package org.fundtrail.client.readmodel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.protos.common.Block;

/** A finite block source over a file of length-delimited blocks (as written by {@code Block.writeDelimitedTo}). */
final class FileBlocks implements BlockSource {
    private final Path file;

    FileBlocks(Path file) {
        this.file = file;
    }

    @Override
    public Stream blocks(long startBlock) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        return new Stream() {
            private Block next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null) {
                        Block block = Block.parseDelimitedFrom(in);
                        if (block == null) {
                            return false;
                        }
                        if (block.getHeader().getNumber() >= startBlock) {
                            next = block;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Block next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Block block = next;
                next = null;
                return block;
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        };
    }
}
