# Sourced by the benchmark scripts: bench/compile.sh <name> <bench/…/Source.java>
# Builds the application (unless NO_BUILD is set), finds its class path and compiles the benchmark's source into
# bench/out/<name>-classes. Sets CP (application classes, or CLASSES=<dir> for another build, then the
# dependencies), BENCH_CP (the benchmark's classes then CP) and JAVA (JAVA=<path> picks another JDK).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p bench/out
if [ -z "${NO_BUILD:-}" ] && [ -z "${CLASSES:-}" ]; then mvn -B -q -DskipTests package; fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="${CLASSES:-target/classes}:$(cat bench/out/classpath.txt)"
rm -rf "bench/out/$1-classes" && mkdir -p "bench/out/$1-classes"
javac -encoding UTF-8 -d "bench/out/$1-classes" -cp "$CP" "$2"
BENCH_CP="bench/out/$1-classes:$CP"
JAVA="${JAVA:-java}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
