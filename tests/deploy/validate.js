// Offline schema check of rendered Kubernetes manifests and a lint of the Dockerfile.
//   node validate.js manifests FILE...   every object of every multi-document YAML FILE is checked
//                                         against the Kubernetes OpenAPI schema of its kind
//   node validate.js dockerfile FILE     dockerfile-utils' lint (syntax, instructions, flags)
// Exit 1 with one line per problem. No cluster: kubernetes-models carries the schemas.
"use strict";
const fs = require("fs");
const YAML = require("yaml");

function modelClass(apiVersion, kind) {
    // "v1" is the core group; "batch/v1" and "apps/v1" are folders of the package.
    let mod;
    try {
        mod = require(`kubernetes-models/${apiVersion}`);
    } catch (e) {
        return undefined;
    }
    return mod[kind];
}

function checkManifests(files) {
    const problems = [];
    let count = 0;
    for (const file of files) {
        const docs = YAML.parseAllDocuments(fs.readFileSync(file, "utf8"));
        for (const doc of docs) {
            if (doc.errors.length) {
                for (const e of doc.errors) problems.push(`${file}: ${e.message}`);
                continue;
            }
            const obj = doc.toJS();
            if (obj === null) continue;
            const where = `${file}: ${obj.kind}/${obj.metadata && obj.metadata.name}`;
            const Model = modelClass(obj.apiVersion, obj.kind);
            if (!Model) {
                problems.push(`${where}: unknown apiVersion/kind ${obj.apiVersion} ${obj.kind}`);
                continue;
            }
            try {
                new Model(obj).validate();
                count++;
            } catch (e) {
                problems.push(`${where}: ${e.message}`);
            }
        }
    }
    return { problems, count };
}

function checkDockerfile(file) {
    const { validate } = require("dockerfile-utils");
    const text = fs.readFileSync(file, "utf8");
    const lines = text.split("\n");
    // Every finding counts, warnings too (deprecated instructions, empty ENTRYPOINT…).
    const problems = validate(text).map((d) => {
        const line = d.range.start.line;
        return `${file}:${line + 1}:${d.range.start.character + 1}: ${d.message} (${lines[line].trim()})`;
    });
    return { problems, count: 1 };
}

const [what, ...files] = process.argv.slice(2);
if (!files.length || (what !== "manifests" && what !== "dockerfile")) {
    console.error("usage: node validate.js manifests FILE... | dockerfile FILE");
    process.exit(2);
}
const { problems, count } = what === "manifests" ? checkManifests(files) : checkDockerfile(files[0]);
for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
if (what === "manifests" && count === 0) {
    console.error("no Kubernetes object found");
    process.exit(1);
}
console.log(`${what}: ${count} checked, no problem`);
