// renderTranscript agrees with the API's own exports: the sandbox's SRT and WebVTT of a transcription.
import { unwrap } from "@camb-kit/client";
import { describe, expect, it } from "vitest";
import { renderTranscript, type TranscriptSegment } from "../src/index.js";
import { sandbox } from "./helpers/sandbox.js";
import { parseSrt, parseVttWithMediaCaptions } from "./helpers/subtitle-parsers.js";

describe("renderTranscript against the API's export", () => {
  it("renders a transcription's segments as the cues of the export the API gives for the same run", async () => {
    const sb = await sandbox();
    const body = { language: "en-us", media_url: "https://example.com/interview.mp3" };
    // No file part: the call asks for multipart itself (see the client's serializeBody).
    const headers = { "content-type": "multipart/form-data" };
    const { task_id } = unwrap(await sb.client.POST("/transcribe", { body, headers }));
    const status = unwrap(
      await sb.client.GET("/transcribe/{task_id}", { params: { path: { task_id: task_id! } } }),
    );
    expect(status.status).toBe("SUCCESS");
    const path = { run_id: status.run_id! };
    const json = unwrap(await sb.client.GET("/transcription-result/{run_id}", { params: { path } }));
    const segments = (json as { transcript: TranscriptSegment[] }).transcript;
    expect(segments.length).toBeGreaterThan(1);
    for (const [format, parse] of [
      ["srt", parseSrt],
      ["vtt", parseVttWithMediaCaptions],
    ] as const) {
      const query = { format_type: format, data_type: "raw_data" } as const;
      const exported = unwrap(
        await sb.client.GET("/transcription-result/{run_id}", { params: { path, query } }),
      );
      const theirs = await parse((exported as { transcript: string }).transcript);
      const ours = await parse(renderTranscript(segments, format));
      expect(ours).toEqual(theirs);
    }
  });
});
