/** The name `post-processor.ts` registers its AudioWorklet processor under. */
export const POST_PROCESSOR_NAME = 'ringflow-demo-post';
