// Time limits every package's tests share. Generous on purpose: CI runs on a busy 2-core machine, often next
// to another suite, and many tests spawn processes (the generator, the CLI, decoders). Timing never decides
// an outcome here (fake timers and explicit signals do); a limit only turns a hang into a failure.
export const testLimits = { testTimeout: 60_000, hookTimeout: 60_000 };
