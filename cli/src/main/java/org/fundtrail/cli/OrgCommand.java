package org.fundtrail.cli;

import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.SubmitRequest;
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
                "The very first registration is the ministry itself, by its own admin."},
            footer = {"", "Example:",
                "  fundtrail org register --as FinanceMSP/Admin --id HEALTH-LAB \\",
                "      --name \"National Laboratory\" --tier AGENCY --parent HEALTH \\",
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

        @Override
        String idPrefix() {
            return "ORG";
        }

        @Override
        SubmitRequest request(String recordId) {
            return new OrganizationRequest(recordId, name, tier, parent, mspId, orgIdentifier);
        }
    }
}
