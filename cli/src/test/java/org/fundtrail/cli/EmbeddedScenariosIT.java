package org.fundtrail.cli;

/** The scenario suite on the embedded node. */
class EmbeddedScenariosIT extends LedgerScenarios {
    @Override
    TestLedger startLedger() throws Exception {
        return new EmbeddedTestLedger(temp.resolve("embedded"));
    }
}
