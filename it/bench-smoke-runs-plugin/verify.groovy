import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

// basedir is target/it/<this test>, so the project root is three folders up.
def root = basedir.parentFile.parentFile.parentFile
def harness = new File(root, 'bench/run.py')
assert harness.isFile() : "the benchmark harness ${harness} is missing"

def out = new File(basedir, 'bench-out')
def output = new File(basedir, 'bench.log')
def command = ['python3', harness.path, '--profile', 'smoke', '--no-build', '--out', out.path,
               '--maven-repo', localRepositoryPath.path]
def settings = new File(basedir.parentFile, 'interpolated-settings.xml')
if (settings.isFile()) {
    command += ['--maven-settings', settings.path]
}
def process = new ProcessBuilder(command).directory(root).redirectErrorStream(true).redirectOutput(output).start()
boolean finished = process.waitFor(5, TimeUnit.MINUTES)
if (!finished) {
    process.destroyForcibly()
}
assert finished : "the harness did not finish within 5 minutes: see ${output}"
assert process.exitValue() == 0 : "the harness failed with exit code ${process.exitValue()}: see ${output}"

def results = new JsonSlurper().parse(new File(out, 'results.json'))
def byScenario = results.records.collectEntries { [(it.scenario): it] }
assert byScenario.keySet() == ['cold', 'no-op', 'fresh-checkout', 'next-release'] as Set : "scenarios run: ${byScenario.keySet()}"
assert byScenario.cold.requests.put == 201 : "the cold run sent ${byScenario.cold.requests.put} PUTs, not 201"
assert byScenario.cold.verified : "the bucket did not contain every object after the cold run"
assert byScenario['no-op'].requests.put == 0 : "the no-op run sent ${byScenario['no-op'].requests.put} PUTs"
assert byScenario['fresh-checkout'].requests.put == 0 : "the fresh checkout sent ${byScenario['fresh-checkout'].requests.put} PUTs"
assert byScenario['next-release'].requests.put == 21 : "the next release sent ${byScenario['next-release'].requests.put} PUTs, not 20 resources and the manifest"
assert byScenario['next-release'].verified : "the bucket did not contain both releases after the next release"
assert byScenario.cold.phase_s != null : "the plugin's summary line was not found in ${byScenario.cold.log}"

def report = new File(out, 'report.md').text
assert report.contains('#### 200 resources, 0 ms, cold') : "report.md has no table for the cold run"
