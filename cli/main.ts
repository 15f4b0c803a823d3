/**
 * The `mmcb` command: argument parsing and output over core + lib. Errors print one sentence (with a
 * code) and exit 1 — never a stack trace (set MMCB_DEBUG=1 to see one).
 */
import { Command, CommanderError } from "commander";
import { MmcbError } from "@/core/errors";
import { registerEvalCommand } from "./commands/eval";
import { registerExportCommand, registerExportsCommands } from "./commands/export";
import { registerImportCommand } from "./commands/import";
import { registerMockServerCommand } from "./commands/mock-server";
import { registerRunsCommands } from "./commands/runs";
import { registerScenarioCommands } from "./commands/scenarios";
import { registerScoreCommand } from "./commands/score";
import { registerWorkerCommand } from "./commands/worker";
import { dataDir } from "@/lib/config";
import { describeStorageFailure } from "@/lib/fs-errors";
import { APP_VERSION } from "@/lib/version";

function buildProgram(): Command {
  const program = new Command()
    .name("mmcb")
    .description("MM-CreativityBench: image-grounded creative tool use — scenarios, evaluation, scoring, exports")
    .version(APP_VERSION, "-v, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerScenarioCommands(program);
  registerScoreCommand(program);
  registerEvalCommand(program);
  registerRunsCommands(program);
  registerExportCommand(program);
  registerExportsCommands(program);
  registerImportCommand(program);
  registerMockServerCommand(program);
  registerWorkerCommand(program);
  return program;
}

function reportAndExit(error: unknown): never {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (process.env.MMCB_DEBUG && error instanceof Error) console.error(error.stack);
  const storage = describeStorageFailure(error, `the data folder ${dataDir()}`);
  if (error instanceof MmcbError) console.error(`mmcb: ${error.message} [${error.code}]`);
  else if (storage) console.error(`mmcb: ${storage} [io:failed]`);
  else console.error(`mmcb: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

process.on("unhandledRejection", reportAndExit);
buildProgram().parseAsync(process.argv).catch(reportAndExit);
