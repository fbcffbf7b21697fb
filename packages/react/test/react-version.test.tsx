// Which React the suite runs on: the React 18 project really renders with React 18 throughout.
import { useQueryClient } from "@tanstack/react-query";
import { version } from "react";
import { version as domVersion } from "react-dom";
import { describe, expect, it } from "vitest";
import { useCambClient } from "../src/index.js";
import { renderCambHook } from "./helpers/render.js";

describe("the React under test", () => {
  it("is one React: the hooks, TanStack Query and react-dom agree on it", () => {
    // Set by each vitest project (vitest.config.ts).
    const major = process.env.CAMB_REACT_MAJOR;
    expect(major).toMatch(/^(18|19)$/);
    expect(version.split(".")[0]).toBe(major);
    expect(domVersion).toBe(version);
    const { result } = renderCambHook(() => ({ client: useCambClient(), queryClient: useQueryClient() }));
    expect(result.current.client).toBeDefined();
    expect(result.current.queryClient).toBeDefined();
  });
});
