// Unit tests run two files at a time on two cores, beside whatever else the machine is doing: give
// testing-library's findBy…/waitFor the patience a busy machine needs. They return as soon as what they
// wait for is there; nothing here measures time.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}
export {};
