interface ImportMetaEnv {
  readonly ROLLBREAK_E2E: boolean;
}
