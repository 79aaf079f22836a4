package fr.alize.platform.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon {@link TransactionManager} on the Narayana JTA transaction manager: it joins the transaction of the calling
 * thread when there is one, and otherwise begins (and later commits or rolls back) its own. An event append, or an
 * event processor batch with its token and its projection rows, therefore commit as one.
 */
public final class JtaAxonTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    public JtaAxonTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return joined();
            }
            jta.begin();
            return owned();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a JTA transaction", e);
        }
    }

    /** A transaction begun by someone else: only its owner commits; a rollback marks it rollback-only. */
    private Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
                // the owner commits
            }

            @Override
            public void rollback() {
                try {
                    jta.setRollbackOnly();
                } catch (SystemException e) {
                    throw new IllegalStateException("Could not mark the JTA transaction rollback-only", e);
                }
            }
        };
    }

    private Transaction owned() {
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                        jta.rollback();
                        throw new IllegalStateException("The transaction was marked rollback-only and has been rolled back");
                    }
                    jta.commit();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("Could not commit the JTA transaction", e);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                        jta.rollback();
                    }
                } catch (SystemException e) {
                    throw new IllegalStateException("Could not roll back the JTA transaction", e);
                }
            }
        };
    }
}
