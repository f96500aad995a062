/** The version of `arrears`, stamped on every decision. @category Decide */
export const VERSION: string = __ARREARS_VERSION__;
