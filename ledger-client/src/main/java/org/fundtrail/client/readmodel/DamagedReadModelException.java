package org.fundtrail.client.readmodel;

/**
 * The read model's database file is damaged (SQLite reports it malformed or not a database). Not
 * transient: retrying gives the same answer. The read model holds nothing the ledger does not, so
 * the fix is to delete it and let the projector rebuild it ({@code fundtrail rebuild}); the message
 * names the file and says so.
 *
 * <pre>{@code
 * catch (DamagedReadModelException e) {
 *     System.err.println(e.getMessage());   // "the read model file /data/readmodel.db is damaged ..."
 * }
 * }</pre>
 */
public final class DamagedReadModelException extends ReadModelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param jdbcUrl the read model's URL
     * @param what what was being done
     * @param cause the database's report
     */
    public DamagedReadModelException(String jdbcUrl, String what, Throwable cause) {
        super("the read model file " + file(jdbcUrl) + " is damaged (" + what + ": " + cause.getMessage() + "). It "
                + "holds nothing the ledger does not: stop Fundtrail and rebuild it from the ledger with "
                + "'fundtrail rebuild' (or delete the file, with its -wal and -shm files, and start again)", cause);
    }

    private static String file(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? jdbcUrl.substring("jdbc:sqlite:".length()) : jdbcUrl;
    }

    /**
     * @param e a database failure
     * @return whether it says the file is damaged rather than busy or unreachable
     */
    static boolean isDamage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed")
                    || m.contains("file is not a database")) {
                return true;
            }
        }
        return false;
    }
}
