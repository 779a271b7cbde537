package org.fundtrail.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The scenario suite on a real Hyperledger Fabric 2.5 network (five peers, one Raft orderer, TLS),
 * run when {@code FABRIC_BIN} or {@code FABRIC_SRC} is set; its folder and logs stay in
 * {@code cli/target/fabric-it/scenarios}.
 */
@EnabledIf("org.fundtrail.cli.FabricTestLedger#available")
class FabricScenariosIT extends LedgerScenarios {
    @Override
    TestLedger startLedger() throws Exception {
        Path dir = Path.of("target", "fabric-it", "scenarios-" + ProcessHandle.current().pid()).toAbsolutePath();
        return FabricTestLedger.start(dir, 1);
    }
}
