package org.fundtrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.SubmitRequest;
import org.fundtrail.network.definition.NetworkDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fundtrail org}: organisations. */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Manage organisations.",
        subcommands = {OrgCommand.Register.class, CommandLine.HelpCommand.class})
final class OrgCommand {

    /** {@code fundtrail org register}. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Register an organisation (finance ministry only).",
                "The very first registration is the ministry itself, by its own admin.",
                "Someone must be able to act for it: the network definition (DATA/network.yaml) needs a user with "
                    + "fundtrailOrg set to its id, role officer, in --org-msp; else money sent to it could never "
                    + "move again, so registration is refused unless --force. Add the user, then run 'fundtrail "
                    + "network init' to issue its certificate (README: Adding an organisation)."},
            footer = {"", "Example (HEALTH-HOSP and its officer are in the built-in network.yaml):",
                "  fundtrail org register --as FinanceMSP/Admin --id HEALTH-HOSP \\",
                "      --name \"National Hospitals Agency\" --tier AGENCY --parent HEALTH \\",
                "      --org-msp HealthMSP"})
    static final class Register extends SubmitCommand {
        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Display name.")
        String name;

        @Option(names = "--tier", required = true, paramLabel = "TIER", description = "One of: ${COMPLETION-CANDIDATES}.")
        Tier tier;

        @Option(names = "--parent", paramLabel = "ORG", description = "Parent organisation (a department's ministry, "
                + "an agency's department).")
        String parent;

        @Option(names = "--org-msp", required = true, paramLabel = "MSP_ID", description = "The Fabric MSP whose members act for it.")
        String mspId;

        @Option(names = "--org-identifier", paramLabel = "ID", description = "External identifier (IATI org-id).")
        String orgIdentifier;

        @Option(names = "--force", description = "Register even when no user of the network definition can act for "
                + "the organisation (a warning is printed).")
        boolean force;

        @Override
        String idPrefix() {
            return "ORG";
        }

        @Override
        SubmitRequest request(String recordId) {
            checkSigners(recordId);
            return new OrganizationRequest(recordId, name, tier, parent, mspId, orgIdentifier);
        }

        /** Refuses (or with --force warns about) an organisation nobody in the network definition can act for. */
        private void checkSigners(String orgId) {
            DataDir dir = ledger.dataDir();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.exists(dir.networkFile())) {
                err.println("fundtrail: warning: cannot check that someone can act for " + orgId + ": no "
                        + dir.networkFile());
                err.flush();
                return;
            }
            NetworkDefinition definition;
            try {
                definition = NetworkDefinition.load(dir.networkFile());
            } catch (IOException e) {
                throw new UserError(ExitCode.ERROR, "cannot read " + dir.networkFile() + ": " + e.getMessage());
            }
            Optional<String> problem = OrgSigners.problem(definition, orgId, mspId, tier);
            if (problem.isEmpty()) {
                return;
            }
            String line = "org register " + orgId + ": " + problem.get() + "; money sent to it could never be "
                    + "spent, transferred or returned; " + OrgSigners.howToAdd(dir, orgId, mspId);
            if (!force) {
                throw new UserError(ExitCode.USAGE, line + "; or register it anyway with --force");
            }
            err.println("fundtrail: warning (--force): " + line);
            err.flush();
        }
    }
}
