import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Starts DynamoDB Local bound to 127.0.0.1 only. The stock ServerRunner has no host option and
 * listens on every interface, so we build the server the same way and set the connector's host
 * before it starts. It also exits as soon as its standard input closes, i.e. when the Node process
 * that started it dies, however it died. Arguments are the usual DynamoDB Local ones (-port, -inMemory, -dbPath, ...).
 *
 * <p>Transactions are made durable before they are acknowledged. DynamoDB Local (2.x) queues the
 * COMMIT of a TransactWriteItems on its SQLite thread and answers without waiting for it
 * (SQLiteDBAccess.commitTransaction calls queue.execute but never the job's get), so a kill -9 right
 * after the answer lost the last acknowledged transaction in 5 of 6 runs of 1,000 (a PutItem: 0 of 6).
 * The answer to a transaction is held back until a job queued after the COMMIT has run.
 *
 * <p>It ships compiled with --release 11 (no compiler needed to run it; see ../launcher.ts): keep it
 * Java 11 source and rebuild its class files after a change with `npx tsx infra/local/dynamodb/build-launcher.ts`.
 */
public class LoopbackDynamoDbLocal {
  private static final Set<String> TRANSACTIONS = Set.of(
      "DynamoDB_20120810.TransactWriteItems", "DynamoDB_20120810.ExecuteTransaction");

  private static volatile List<SQLiteQueue> queues = Collections.emptyList();

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("lotse.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Server server = (Server) read(proxy, "server");
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof ServerConnector) {
        ((ServerConnector) connector).setHost(host);
      }
    }
    DurableTransactions durable = new DurableTransactions(read(proxy, "serverHandler"));
    durable.setHandler(server.getHandler());
    server.setHandler(durable);
    proxy.start();
    System.out.println("LOTSE_DYNAMODB_READY " + host);
    System.out.flush();
    // Exit when the parent process goes away (its end of our stdin closes), even after kill -9.
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // ignore input
        }
      } catch (IOException ignored) {
        // parent gone
      }
      Runtime.getRuntime().halt(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    proxy.join();
  }

  private static Object read(DynamoDBProxyServer proxy, String name) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(proxy);
  }

  /** Holds a transaction's answer back until its COMMIT has run; passes everything else through. */
  static final class DurableTransactions extends HandlerWrapper {
    private final Object serverHandler;

    DurableTransactions(Object serverHandler) {
      this.serverHandler = serverHandler;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      if (!TRANSACTIONS.contains(request.getHeader("X-Amz-Target"))) {
        super.handle(target, baseRequest, request, response);
        return;
      }
      BufferedResponse buffered = new BufferedResponse(response);
      super.handle(target, baseRequest, request, buffered);
      awaitCommits(serverHandler);
      buffered.writeTo(response);
    }
  }

  /** A response whose body stays here until writeTo; status and headers go to the real one. */
  static final class BufferedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ServletOutputStream output = new BufferOutput(body);
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return output;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
      return writer;
    }

    @Override
    public void flushBuffer() {
      // Held back on purpose: nothing may reach the client before the commit has run.
    }

    void writeTo(HttpServletResponse response) throws IOException {
      if (writer != null) writer.flush();
      response.getOutputStream().write(body.toByteArray());
    }
  }

  static final class BufferOutput extends ServletOutputStream {
    private final ByteArrayOutputStream body;

    BufferOutput(ByteArrayOutputStream body) {
      this.body = body;
    }

    @Override
    public void write(int b) {
      body.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      body.write(bytes, offset, length);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("DynamoDB Local writes its answers blocking");
    }
  }

  /** Does nothing; the SQLite thread runs jobs in order, so when it has run, every job before it has. */
  static final class Barrier extends SQLiteJob<Object> {
    @Override
    protected Object job(SQLiteConnection connection) {
      return null;
    }
  }

  /** Waits until every job queued on DynamoDB Local's SQLite threads so far (the COMMIT among them) has run. */
  private static void awaitCommits(Object serverHandler) {
    List<SQLiteQueue> found = queues;
    if (found.isEmpty()) {
      // The database opens on the first request; find its queue once, wherever this version keeps it.
      found = findQueues(serverHandler);
      queues = found;
    }
    for (SQLiteQueue queue : found) queue.execute(new Barrier()).complete();
  }

  /** The SQLiteQueues reachable from the server handler through DynamoDB Local's own objects. */
  private static List<SQLiteQueue> findQueues(Object root) {
    List<SQLiteQueue> found = new ArrayList<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object[]> next = new ArrayDeque<>();
    next.add(new Object[] {root, 0});
    while (!next.isEmpty()) {
      Object[] entry = next.poll();
      Object object = entry[0];
      int depth = (Integer) entry[1];
      if (object == null || seen.put(object, Boolean.TRUE) != null || depth > 8) continue;
      if (object instanceof SQLiteQueue) {
        found.add((SQLiteQueue) object);
        continue;
      }
      if (object instanceof Map) {
        for (Object value : ((Map<?, ?>) object).values()) next.add(new Object[] {value, depth + 1});
        continue;
      }
      if (object instanceof Collection) {
        for (Object value : (Collection<?>) object) next.add(new Object[] {value, depth + 1});
        continue;
      }
      if (!object.getClass().getName().startsWith("com.amazonaws.")) continue;
      for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) continue;
          try {
            field.setAccessible(true);
            next.add(new Object[] {field.get(object), depth + 1});
          } catch (RuntimeException | IllegalAccessException inaccessible) {
            // Not ours to read; the queue is not behind it.
          }
        }
      }
    }
    return found;
  }
}
