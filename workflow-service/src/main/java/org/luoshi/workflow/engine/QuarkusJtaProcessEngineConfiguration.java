package org.luoshi.workflow.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandCounterInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.JakartaTransactionInterceptor;
import org.camunda.bpm.engine.impl.interceptor.LogInterceptor;

/**
 * The engine's Jakarta Transactions configuration, adapted to Agroal + Narayana.
 *
 * <p>The stock configuration runs schema operations (create/update of the ACT_ tables) without a JTA transaction.
 * Agroal's transaction-integrated pool then refuses the connection with {@code ENGINE-03050 ... Deferred enlistment
 * not supported}. Here the schema-operations chain runs inside a JTA transaction like every other command.
 */
class QuarkusJtaProcessEngineConfiguration extends JakartaTransactionProcessEngineConfiguration {

    @Override
    protected void initCommandExecutorDbSchemaOperations() {
        if (commandExecutorSchemaOperations == null) {
            List<CommandInterceptor> chain = new ArrayList<>();
            chain.add(new LogInterceptor());
            chain.add(new CommandCounterInterceptor(this));
            chain.add(new JakartaTransactionInterceptor(transactionManager, false, this));
            chain.add(new CommandContextInterceptor(dbSchemaOperationsCommandContextFactory, this));
            chain.add(actualCommandExecutor);
            commandExecutorSchemaOperations = initInterceptorChain(chain);
        }
    }

    /**
     * The engine builds its DMN engine (and with it the Scala FEEL interpreter) even with DMN disabled, which only
     * keeps decision deployments and tables away. Luoshi's models have no decision: with DMN disabled the DMN engine
     * is not built at all.
     */
    @Override
    protected void initDmnEngine() {
        if (isDmnEnabled()) {
            super.initDmnEngine();
        }
    }
}
