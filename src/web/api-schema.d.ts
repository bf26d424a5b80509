// Generated from /openapi.json by `npm run generate:api`: do not edit by hand.

export interface paths {
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: operations["registerUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: exchange email and password for an access token */
        post: operations["loginUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the account of the access token */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        /** Delete my account and all its data */
        delete: operations["deleteMyAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: this token stops working (other logins keep theirs) */
        post: operations["logoutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out everywhere: every token of this account stops working, this one too */
        post: operations["logoutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the password: every token issued before stops working */
        put: operations["changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the resume */
        get: operations["getResume"];
        /** Replace the resume with plain text */
        put: operations["saveResume"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/resume/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the resume with the text of a PDF, DOCX or TXT file */
        post: operations["uploadResumeFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/job-postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your job postings, newest first, a page at a time */
        get: operations["listJobPostings"];
        put?: never;
        /** Add a job posting */
        post: operations["createJobPosting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/job-postings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one of your job postings */
        get: operations["getJobPosting"];
        put?: never;
        post?: never;
        /** Delete a job posting and its interviews */
        delete: operations["deleteJobPosting"];
        options?: never;
        head?: never;
        /** Change some fields of a job posting */
        patch: operations["updateJobPosting"];
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your sessions, newest first, a page at a time */
        get: operations["listSessions"];
        put?: never;
        /** Start a mock interview for a job posting */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one of your sessions */
        get: operations["getSession"];
        put?: never;
        post?: never;
        /** Delete an interview with its transcript and operations */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a session; its report is built in the background */
        post: operations["completeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause an active session */
        post: operations["pauseSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused session */
        post: operations["resumeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the messages of a session, oldest first */
        get: operations["listSessionMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the open question of a session, or an earlier one again */
        post: operations["submitAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/generate-question": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start generating the next question of a session */
        post: operations["generateQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an operation, optionally waiting for it to finish */
        get: operations["getOperation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the operations of a session, oldest first */
        get: operations["listSessionOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything stored about me as one JSON document */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/llm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My own provider settings (never the key) */
        get: operations["getMyLlmSettings"];
        /** Use my own OpenAI-compatible provider for my questions */
        put: operations["saveMyLlmSettings"];
        post?: never;
        /** Go back to the server's model */
        delete: operations["deleteMyLlmSettings"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/llm/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try my own provider: one small question generation */
        post: operations["testMyLlmSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session's answer feedback, oldest first */
        get: operations["listSessionFeedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/answers/{message_id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate an answer again (a new answer_feedback operation) */
        post: operations["requestAnswerFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest interview report of the session */
        get: operations["getSessionReport"];
        put?: never;
        /** Build a new interview report (a session_report operation) */
        post: operations["requestSessionReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/report.md": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest interview report as a Markdown file */
        get: operations["downloadReportMarkdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest interview report as a PDF file */
        get: operations["downloadReportPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/job-postings/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your progress over the interviews for one job posting */
        get: operations["getJobPostingProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your progress for every job posting */
        get: operations["getProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    registerUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    full_name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        full_name: string;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    loginUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        expires_in: number;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        full_name: string;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteMyAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not possible in the current state (see `detail.code`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    logoutUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    logoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not possible in the current state (see `detail.code`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getResume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        content: string;
                        source_filename: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    saveResume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    content: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        content: string;
                        source_filename: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    uploadResumeFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The resume as a PDF, DOCX or TXT file, at most 5 MB.
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        content: string;
                        source_filename: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listJobPostings: {
        parameters: {
            query?: {
                /** @description Items per page, 1..500. */
                limit?: number;
                /** @description Where the page starts: take it from the `Link: <...>; rel="next"` header. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, in the list's order; `Link: <...>; rel="next"` gives the next page when there is one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        company: string | null;
                        description: string;
                        tech_stack: string | null;
                        experience_level: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    }[];
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createJobPosting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description: string;
                    company?: string | null;
                    tech_stack?: string | null;
                    experience_level?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        company: string | null;
                        description: string;
                        tech_stack: string | null;
                        experience_level: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getJobPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        company: string | null;
                        description: string;
                        tech_stack: string | null;
                        experience_level: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteJobPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    updateJobPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string;
                    company?: string | null;
                    tech_stack?: string | null;
                    experience_level?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        company: string | null;
                        description: string;
                        tech_stack: string | null;
                        experience_level: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description Items per page, 1..500. */
                limit?: number;
                /** @description Where the page starts: take it from the `Link: <...>; rel="next"` header. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, in the list's order; `Link: <...>; rel="next"` gives the next page when there is one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @enum {string} */
                        status: "active" | "paused" | "completed";
                        question_count: number;
                        /** @enum {string} */
                        focus: "all" | "weak_areas";
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    }[];
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    job_posting_id: string;
                    /**
                     * @description weak_areas: ask first about what earlier sessions of the posting left weak.
                     * @default all
                     * @enum {string}
                     */
                    focus?: "all" | "weak_areas";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @enum {string} */
                        status: "active" | "paused" | "completed";
                        question_count: number;
                        /** @enum {string} */
                        focus: "all" | "weak_areas";
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @enum {string} */
                        status: "active" | "paused" | "completed";
                        question_count: number;
                        /** @enum {string} */
                        focus: "all" | "weak_areas";
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    completeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @enum {string} */
                        status: "active" | "paused" | "completed";
                        question_count: number;
                        /** @enum {string} */
                        focus: "all" | "weak_areas";
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                        /** @description The session_report operation created with the completion; null without an answer. */
                        report_operation_id: string | null;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    pauseSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @enum {string} */
                        status: "active" | "paused" | "completed";
                        question_count: number;
                        /** @enum {string} */
                        focus: "all" | "weak_areas";
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    resumeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @enum {string} */
                        status: "active" | "paused" | "completed";
                        question_count: number;
                        /** @enum {string} */
                        focus: "all" | "weak_areas";
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSessionMessages: {
        parameters: {
            query?: {
                /** @description Items per page, 1..500. */
                limit?: number;
                /** @description Where the page starts: take it from the `Link: <...>; rel="next"` header. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page, in the list's order; `Link: <...>; rel="next"` gives the next page when there is one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        role: "interviewer" | "candidate";
                        content: string;
                        question_type: ("technical" | "behavioral" | "situational" | "experience") | null;
                        focus: {
                            requirement: string | null;
                            evidence: string | null;
                            summary: string;
                        } | null;
                        reply_to: string | null;
                        operation_id: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                    }[];
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    submitAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    content: string;
                    /**
                     * Format: uuid
                     * @description An earlier question of this session to answer again; default the newest open one.
                     */
                    question_message_id?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        role: "interviewer" | "candidate";
                        content: string;
                        question_type: ("technical" | "behavioral" | "situational" | "experience") | null;
                        focus: {
                            requirement: string | null;
                            evidence: string | null;
                            summary: string;
                        } | null;
                        reply_to: string | null;
                        operation_id: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /**
                         * Format: uuid
                         * @description The answer_feedback operation evaluating this answer.
                         */
                        feedback_operation_id: string;
                    };
                };
            };
            /** @description Not possible in the current state (see `detail.code`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    generateQuestion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeating a key within 24 h returns the first operation instead of creating another. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work goes on in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        operation_type: "question_generation" | "answer_feedback" | "session_report";
                        /** @enum {string} */
                        status: "pending" | "processing" | "completed" | "failed";
                        /** Format: uuid */
                        session_id: string;
                        result: ({
                            question_text: string;
                            /** @enum {string} */
                            question_type: "technical" | "behavioral" | "situational" | "experience";
                            /** Format: uuid */
                            message_id: string;
                            focus?: {
                                requirement: string | null;
                                evidence: string | null;
                                summary: string;
                            };
                        } | {
                            /** Format: uuid */
                            feedback_id: string;
                            /** Format: uuid */
                            answer_message_id: string;
                            /** @enum {string} */
                            status: "scored" | "not_scored";
                            score: number | null;
                        } | {
                            /** Format: uuid */
                            report_id: string;
                            overall_score: number | null;
                            rating: ("strong" | "solid" | "developing" | "weak") | null;
                        }) | null;
                        error_message: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Not possible in the current state (see `detail.code`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getOperation: {
        parameters: {
            query?: {
                /** @description Seconds to wait for the operation to finish before answering (long-poll). */
                wait?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        operation_type: "question_generation" | "answer_feedback" | "session_report";
                        /** @enum {string} */
                        status: "pending" | "processing" | "completed" | "failed";
                        /** Format: uuid */
                        session_id: string;
                        result: ({
                            question_text: string;
                            /** @enum {string} */
                            question_type: "technical" | "behavioral" | "situational" | "experience";
                            /** Format: uuid */
                            message_id: string;
                            focus?: {
                                requirement: string | null;
                                evidence: string | null;
                                summary: string;
                            };
                        } | {
                            /** Format: uuid */
                            feedback_id: string;
                            /** Format: uuid */
                            answer_message_id: string;
                            /** @enum {string} */
                            status: "scored" | "not_scored";
                            score: number | null;
                        } | {
                            /** Format: uuid */
                            report_id: string;
                            overall_score: number | null;
                            rating: ("strong" | "solid" | "developing" | "weak") | null;
                        }) | null;
                        error_message: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSessionOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        operation_type: "question_generation" | "answer_feedback" | "session_report";
                        /** @enum {string} */
                        status: "pending" | "processing" | "completed" | "failed";
                        /** Format: uuid */
                        session_id: string;
                        result: ({
                            question_text: string;
                            /** @enum {string} */
                            question_type: "technical" | "behavioral" | "situational" | "experience";
                            /** Format: uuid */
                            message_id: string;
                            focus?: {
                                requirement: string | null;
                                evidence: string | null;
                                summary: string;
                            };
                        } | {
                            /** Format: uuid */
                            feedback_id: string;
                            /** Format: uuid */
                            answer_message_id: string;
                            /** @enum {string} */
                            status: "scored" | "not_scored";
                            score: number | null;
                        } | {
                            /** Format: uuid */
                            report_id: string;
                            overall_score: number | null;
                            rating: ("strong" | "solid" | "developing" | "weak") | null;
                        }) | null;
                        error_message: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    }[];
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every row stored about the caller, table by table (no password hash, no provider key) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "interview-practice-export";
                        version: number;
                        exported_at: string;
                        account: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            created_at: string;
                            updated_at: string;
                        };
                        resume: {
                            [key: string]: unknown;
                        }[];
                        job_postings: {
                            [key: string]: unknown;
                        }[];
                        interview_sessions: {
                            [key: string]: unknown;
                        }[];
                        messages: {
                            [key: string]: unknown;
                        }[];
                        operations: {
                            [key: string]: unknown;
                        }[];
                        generation_quota: {
                            [key: string]: unknown;
                        }[];
                        logged_out_tokens: {
                            [key: string]: unknown;
                        }[];
                        llm_settings: {
                            [key: string]: unknown;
                        }[];
                    } & {
                        [key: string]: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getMyLlmSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        base_url: string;
                        model: string;
                        /** @description The last four characters of the key, or null */
                        key_hint: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    saveMyLlmSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    base_url: string;
                    api_key?: string;
                    model: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        base_url: string;
                        model: string;
                        /** @description The last four characters of the key, or null */
                        key_hint: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not available right now; try again in a moment */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    deleteMyLlmSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    testMyLlmSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        ok: true;
                        /** @description Which model answered, as "openai-compatible:<model>@<host>" */
                        generator: string;
                        message: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not available right now; try again in a moment */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Error */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    listSessionFeedback: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Opaque: the value from the previous page’s Link header. */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        session_id: string;
                        /** Format: uuid */
                        question_message_id: string;
                        /** Format: uuid */
                        answer_message_id: string;
                        /** @enum {string} */
                        status: "scored" | "not_scored";
                        /** @enum {string} */
                        answer_class: "substantive" | "too_short" | "non_answer" | "off_topic";
                        score: number | null;
                        rating: ("strong" | "solid" | "developing" | "weak") | null;
                        summary: string;
                        criteria: {
                            /** @enum {string} */
                            key: "relevance" | "structure" | "specificity" | "ownership" | "impact";
                            level: number | null;
                            comment: string;
                            evidence: {
                                quote: string;
                                start: number;
                                end: number;
                            }[];
                        }[];
                        strengths: {
                            text: string;
                            evidence: {
                                quote: string;
                                start: number;
                                end: number;
                            }[];
                        }[];
                        improvements: {
                            text: string;
                        }[];
                        requirement: {
                            text: string;
                            /** @enum {string} */
                            status: "demonstrated" | "mentioned" | "absent";
                        } | null;
                        example_answer: string | null;
                        /** @enum {string} */
                        generator: "offline" | "openai";
                        rubric_version: number;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                    }[];
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    requestAnswerFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work goes on in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        operation_type: "question_generation" | "answer_feedback" | "session_report";
                        /** @enum {string} */
                        status: "pending" | "processing" | "completed" | "failed";
                        /** Format: uuid */
                        session_id: string;
                        result: ({
                            question_text: string;
                            /** @enum {string} */
                            question_type: "technical" | "behavioral" | "situational" | "experience";
                            /** Format: uuid */
                            message_id: string;
                            focus?: {
                                requirement: string | null;
                                evidence: string | null;
                                summary: string;
                            };
                        } | {
                            /** Format: uuid */
                            feedback_id: string;
                            /** Format: uuid */
                            answer_message_id: string;
                            /** @enum {string} */
                            status: "scored" | "not_scored";
                            score: number | null;
                        } | {
                            /** Format: uuid */
                            report_id: string;
                            overall_score: number | null;
                            rating: ("strong" | "solid" | "developing" | "weak") | null;
                        }) | null;
                        error_message: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getSessionReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        session_id: string;
                        questions: number;
                        answered: number;
                        scored: number;
                        overall_score: number | null;
                        rating: ("strong" | "solid" | "developing" | "weak") | null;
                        summary: string;
                        criteria: {
                            /** @enum {string} */
                            key: "relevance" | "structure" | "specificity" | "ownership" | "impact";
                            mean_level: number | null;
                            n: number;
                        }[];
                        requirements: {
                            text: string;
                            /** @enum {string} */
                            status: "demonstrated" | "mentioned" | "absent" | "untested";
                        }[];
                        strengths: {
                            text: string;
                            /** Format: uuid */
                            answer_message_id: string;
                            quote: string;
                        }[];
                        improvements: {
                            text: string;
                            /** Format: uuid */
                            answer_message_id: string;
                        }[];
                        practice_next: {
                            requirement: string;
                            reason: string;
                        }[];
                        /** @enum {string} */
                        generator: "offline" | "openai";
                        rubric_version: number;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    requestSessionReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the work goes on in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        operation_type: "question_generation" | "answer_feedback" | "session_report";
                        /** @enum {string} */
                        status: "pending" | "processing" | "completed" | "failed";
                        /** Format: uuid */
                        session_id: string;
                        result: ({
                            question_text: string;
                            /** @enum {string} */
                            question_type: "technical" | "behavioral" | "situational" | "experience";
                            /** Format: uuid */
                            message_id: string;
                            focus?: {
                                requirement: string | null;
                                evidence: string | null;
                                summary: string;
                            };
                        } | {
                            /** Format: uuid */
                            feedback_id: string;
                            /** Format: uuid */
                            answer_message_id: string;
                            /** @enum {string} */
                            status: "scored" | "not_scored";
                            score: number | null;
                        } | {
                            /** Format: uuid */
                            report_id: string;
                            overall_score: number | null;
                            rating: ("strong" | "solid" | "developing" | "weak") | null;
                        }) | null;
                        error_message: string | null;
                        /** @description ISO-8601 UTC timestamp */
                        created_at: string;
                        /** @description ISO-8601 UTC timestamp */
                        updated_at: string;
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Conflicts with the current state (see `detail.code`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description This content type is not accepted here */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    downloadReportMarkdown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest report as a Markdown document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not available right now; try again in a moment */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    downloadReportPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest report as a PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Too many requests (see `Retry-After`) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not available right now; try again in a moment */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getJobPostingProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        job_posting_id: string;
                        /** @description Every session of the posting, oldest first. */
                        sessions: {
                            /** Format: uuid */
                            session_id: string;
                            /** @enum {string} */
                            status: "active" | "paused" | "completed";
                            /** @description ISO-8601 UTC timestamp */
                            created_at: string;
                            completed_at: string | null;
                            /** @description Questions with at least one answer. */
                            answered: number;
                            /** @description The session's newest report's score; null without one. */
                            overall_score: number | null;
                        }[];
                        requirements: {
                            text: string;
                            /** @enum {string} */
                            best_status: "demonstrated" | "mentioned" | "absent" | "untested";
                            /**
                             * @description As in the oldest report that asked about it: with latest_status, what changed.
                             * @enum {string}
                             */
                            first_status: "demonstrated" | "mentioned" | "absent" | "untested";
                            /**
                             * @description As in the newest report that asked about it.
                             * @enum {string}
                             */
                            latest_status: "demonstrated" | "mentioned" | "absent" | "untested";
                            /** @description Answers given to questions that targeted it. */
                            attempts: number;
                        }[];
                        criteria: {
                            key: string;
                            /** @description One point per reported session, oldest first. */
                            points: {
                                /** Format: uuid */
                                session_id: string;
                                mean_level: number | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description Not found, or not the caller’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
            /** @description The request is not valid (see `detail.errors`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
    getProgress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        job_postings: {
                            /** Format: uuid */
                            job_posting_id: string;
                            title: string;
                            company: string | null;
                            sessions: number;
                            latest_score: number | null;
                            best_score: number | null;
                        }[];
                    };
                };
            };
            /** @description Missing, malformed or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: {
                            code: string;
                            message: string;
                            errors?: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
    };
}
