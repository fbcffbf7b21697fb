// The opening example of README.md, kept here so `pnpm typecheck` proves it compiles. Not run.
import { createCambClient } from "@camb-kit/client";
import { createAndWait, PaymentRequiredError, TaskFailedError } from "../../src/index.js";

const camb = createCambClient({ apiKey: process.env.CAMB_API_KEY });
try {
  const { runId } = await createAndWait(
    camb,
    "text-to-sound",
    { prompt: "rain on a tin roof" },
    {
      signal: AbortSignal.timeout(120_000),
      onStatus: (status, { attempt }) => console.log(attempt, status.status),
    },
  );
  console.log("done, fetch the audio with run", runId);
} catch (error) {
  if (error instanceof PaymentRequiredError) console.error("out of credits");
  else if (error instanceof TaskFailedError) console.error(error.code, error.exceptionReason);
  else throw error;
}
