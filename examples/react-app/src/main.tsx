// The example app's entry: mounts App inside StrictMode, QueryClientProvider and CambProvider.
import { CambProvider } from "@camb-kit/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { camb, queryClient } from "./camb.js";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <CambProvider client={camb}>
        <App />
      </CambProvider>
    </QueryClientProvider>
  </StrictMode>,
);
