package org.fundtrail.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

/**
 * The verifier's own block hashes against fixed vectors of Fabric's encoding, not against the node's
 * {@code BlockHashing}: the same vectors pin both, so neither can drift with the other.
 */
class BlockHashesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void header_bytes_are_the_asn1_der_go_encoding_of_number_previous_hash_and_data_hash() {
        byte[] dataHash = new byte[32];
        dataHash[0] = 1;
        BlockHeader genesis = BlockHeader.newBuilder().setNumber(0).setDataHash(ByteString.copyFrom(dataHash)).build();
        // SEQUENCE { INTEGER 0, OCTET STRING (empty), OCTET STRING (32 bytes) } as Go's encoding/asn1 writes it.
        assertThat(HEX.formatHex(BlockHashes.headerBytes(genesis)))
                .isEqualTo("3027" + "020100" + "0400" + "0420" + HEX.formatHex(dataHash));
        // 128 needs a leading zero byte to stay positive, as big.Int does.
        BlockHeader b128 = genesis.toBuilder().setNumber(128).setPreviousHash(ByteString.copyFrom(new byte[32])).build();
        assertThat(HEX.formatHex(BlockHashes.headerBytes(b128))).startsWith("3048" + "02020080" + "0420");
        // SHA-256 of the DER bytes, not of the protobuf header.
        assertThat(BlockHashes.headerHash(genesis)).isEqualTo(BlockHashes.sha256(BlockHashes.headerBytes(genesis)));
    }

    @Test
    void data_hash_is_sha256_of_the_concatenated_envelopes() {
        BlockData data = BlockData.newBuilder().addData(ByteString.copyFromUtf8("ab")).addData(ByteString.copyFromUtf8("c"))
                .build();
        assertThat(HEX.formatHex(BlockHashes.dataHash(data)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // SHA-256("abc")
    }
}
