import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts DynamoDB Local bound to 127.0.0.1 only. The stock ServerRunner has no host option and
 * listens on every interface, so we build the server the same way and set the connector's host
 * before it starts. It also exits as soon as its standard input closes, i.e. when the Node process
 * that started it dies, however it died. Arguments are the usual DynamoDB Local ones (-port, -inMemory, -dbPath, ...).
 * It ships compiled with --release 11 (no compiler needed to run it; see ../launcher.ts): keep it
 * Java 11 source and rebuild the class after a change with `npx tsx infra/local/dynamodb/build-launcher.ts`.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("lotse.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector) {
        ((ServerConnector) connector).setHost(host);
      }
    }
    proxy.start();
    System.out.println("LOTSE_DYNAMODB_READY " + host);
    System.out.flush();
    // Exit when the parent process goes away (its end of our stdin closes), even after kill -9.
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // ignore input
        }
      } catch (java.io.IOException ignored) {
        // parent gone
      }
      Runtime.getRuntime().halt(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    proxy.join();
  }
}
