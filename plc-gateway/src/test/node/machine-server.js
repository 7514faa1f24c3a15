// An independent OPC UA server (node-opcua) exposing machines with OPC 40001-1-style nodes, for the PLC gateway's
// interoperability test (NodeOpcuaInteroperabilityTest). It offers None and Basic256Sha256 SignAndEncrypt, anonymous
// identity, uses the certificate the test generated for it, and trusts only the client certificates the test put in
// <pki>/trusted/certs. The test drives it over standard input, one command a line:
//
//   set <machine> state <NotAvailable|OutOfService|NotExecuting|Executing>
//   set <machine> mode <None|Maintenance|Setup|Processing>
//   set <machine> counts <total> <good> <reject>
//
// and it answers ">> ok <n>" once the value is set (source timestamp = now), or ">> error <message>". It prints
// ">> ready <endpoint url>" when it listens, and exits when standard input closes. Lines without ">> " are node-opcua's
// own warnings.
"use strict";

const readline = require("readline");
const {
    OPCUAServer, OPCUACertificateManager, DataType, LocalizedText, StatusCodes, SecurityPolicy, MessageSecurityMode,
    nodesets
} = require("node-opcua");

function option(name) {
    const i = process.argv.indexOf("--" + name);
    if (i < 0 || i + 1 >= process.argv.length) {
        throw new Error("missing --" + name);
    }
    return process.argv[i + 1];
}

const NAMESPACE = "urn:pilotline:node-opcua-machines";
const port = parseInt(option("port"), 10);
const pki = option("pki");
const machines = option("machines").split(",");

async function main() {
    const serverCertificateManager = new OPCUACertificateManager({
        rootFolder: pki,
        automaticallyAcceptUnknownCertificate: false,
        disableFileWatchers: true
    });
    await serverCertificateManager.initialize();
    const server = new OPCUAServer({
        port,
        hostname: "localhost",
        resourcePath: "/pilotline",
        nodesets: [nodesets.standard],
        certificateFile: option("cert"),
        privateKeyFile: option("key"),
        serverCertificateManager,
        securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
        securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
        allowAnonymous: true,
        serverInfo: { applicationUri: option("uri"), productUri: "urn:pilotline:node-opcua-machines" },
        buildInfo: { productName: "PilotLine interop machines (node-opcua)" }
    });
    await server.initialize();

    const addressSpace = server.engine.addressSpace;
    const namespace = addressSpace.registerNamespace(NAMESPACE);
    const variables = {};
    const folder = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: "Machines" });
    for (const machine of machines) {
        const node = namespace.addObject({ organizedBy: folder, browseName: machine });
        const add = (path, dataType, value) => {
            variables[machine + "/" + path] = namespace.addVariable({
                componentOf: node,
                browseName: path.replace(/\//g, "_"),
                nodeId: "s=" + machine + "/" + path,
                dataType,
                value: { dataType: DataType[dataType], value }
            });
        };
        add("MachineryItemState/CurrentState", "LocalizedText", new LocalizedText({ text: "Executing", locale: "en" }));
        add("MachineryOperationMode/CurrentState", "LocalizedText",
            new LocalizedText({ text: "Processing", locale: "en" }));
        add("Production/TotalCount", "UInt32", 0);
        add("Production/GoodCount", "UInt32", 0);
        add("Production/RejectCount", "UInt32", 0);
    }

    function set(machine, path, dataType, value, at) {
        const variable = variables[machine + "/" + path];
        if (!variable) {
            throw new Error("no node " + machine + "/" + path);
        }
        variable.setValueFromSource({ dataType, value }, StatusCodes.Good, at);
    }

    let applied = 0;
    function apply(line) {
        const words = line.trim().split(/\s+/);
        if (words[0] !== "set" || words.length < 4) {
            throw new Error("unknown command: " + line);
        }
        const [, machine, what, ...values] = words;
        const at = new Date();
        if (what === "state") {
            set(machine, "MachineryItemState/CurrentState", DataType.LocalizedText,
                new LocalizedText({ text: values[0], locale: "en" }), at);
        } else if (what === "mode") {
            set(machine, "MachineryOperationMode/CurrentState", DataType.LocalizedText,
                new LocalizedText({ text: values[0], locale: "en" }), at);
        } else if (what === "counts") {
            set(machine, "Production/TotalCount", DataType.UInt32, parseInt(values[0], 10), at);
            set(machine, "Production/GoodCount", DataType.UInt32, parseInt(values[1], 10), at);
            set(machine, "Production/RejectCount", DataType.UInt32, parseInt(values[2], 10), at);
        } else {
            throw new Error("unknown signal: " + what);
        }
        return ++applied;
    }

    await server.start();
    const url = server.getEndpointUrl();
    process.stdout.write(">> ready " + url + "\n");

    const input = readline.createInterface({ input: process.stdin });
    input.on("line", (line) => {
        if (!line.trim()) {
            return;
        }
        try {
            process.stdout.write(">> ok " + apply(line) + "\n");
        } catch (e) {
            process.stdout.write(">> error " + e.message + "\n");
        }
    });
    input.on("close", async () => {
        await server.shutdown(0);
        process.exit(0);
    });
}

main().catch((e) => {
    process.stderr.write("failed: " + (e && e.stack || e) + "\n");
    process.exit(1);
});
