// The early path of a first start in isolation, in a cold JVM: the embedded PostgreSQL's initdb and start (zonky,
// the platform's settings) and then Flyway with the platform's migrations (group=true), each with the CPU it cost:
// this thread, the whole JVM (the compilers included), the reaped children (initdb, pg_ctl) and the server.
// Run by bench/startup-early.sh; the variants switch Flyway's validateOnMigrate / placeholderReplacement off
// (bench/README.md, stop 27).
package org.alliancehub.platform;

import java.lang.management.ManagementFactory;
import java.nio.file.*;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

public class FlywayCpu {
  static double[] self() throws Exception {
    String s = Files.readString(Path.of("/proc/self/stat"));
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    return new double[] { (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0 };
  }
  static double pg(Path dir) throws Exception {
    double t = 0;
    String pm = Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim();
    for (Path p : Files.newDirectoryStream(Path.of("/proc"), x -> x.getFileName().toString().matches("\\d+"))) {
      try {
        String s = Files.readString(p.resolve("stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        String pid = p.getFileName().toString();
        if (pid.equals(pm)) t += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        else if (f[1].equals(pm)) t += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
      } catch (Exception e) { }
    }
    return t;
  }
  public static void main(String[] a) throws Exception {
    String variant = a.length > 0 ? a[0] : "main";
    Path dir = Files.createTempDirectory("d27fly").resolve("postgres");
    var tm = ManagementFactory.getThreadMXBean();
    long w0 = System.nanoTime(); double[] c0 = self(); long t0 = tm.getCurrentThreadCpuTime();
    // the platform's own start (its settings, its lock), in the platform's package
    EmbeddedPostgres pg = EmbeddedDatabase.start(dir);
    long w1 = System.nanoTime(); double[] c1 = self(); long t1 = tm.getCurrentThreadCpuTime(); double p1 = pg(dir);
    if (variant.equals("main")) {
      // the early migration as the platform runs it (spring.flyway.locations and group of application.properties)
      new EarlyEmbeddedDatabase.EarlyMigration(new String[] { "classpath:db/migration" }, true).migrate(pg);
    }
    else {
      var cfg = Flyway.configure(FlywayCpu.class.getClassLoader()).dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").group(true);
      if (variant.contains("novalidate")) cfg.validateOnMigrate(false);
      if (variant.contains("noplaceholder")) cfg.placeholderReplacement(false);
      cfg.load().migrate();
    }
    long w2 = System.nanoTime(); double[] c2 = self(); long t2 = tm.getCurrentThreadCpuTime(); double p2 = pg(dir);
    System.out.printf("%s start: wall %.2f jvm-thread %.2f jvm-proc %.2f children(initdb,pg_ctl) %.2f pg %.2f | flyway: wall %.2f thread %.2f jvm-proc %.2f pg %.2f%n",
      variant, (w1 - w0) / 1e9, (t1 - t0) / 1e9, c1[0] - c0[0], c1[1] - c0[1], p1, (w2 - w1) / 1e9, (t2 - t1) / 1e9, c2[0] - c1[0], p2 - p1);
    pg.close();
    try (var w = Files.walk(dir.getParent())) { w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
  }
}
