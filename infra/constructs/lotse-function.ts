import { basename, isAbsolute, join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_ASSET_DIR } from '../../functions/shared/certificates/assets.ts';
import { type LambdaBundling, lambdaBundling } from '../bundling/esbuild-options.ts';

export interface LotseFunctionProps {
  /** Absolute path of the module that exports `handler`. */
  readonly entry: string;
  /** Directory holding package.json and package-lock.json; esbuild resolves `#shared/*` from here. */
  readonly projectRoot: string;
  readonly description: string;
  /** Logger service name (POWERTOOLS_SERVICE_NAME). */
  readonly serviceName: string;
  /** @default 256 */
  readonly memoryMb?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** @default - none besides POWERTOOLS_SERVICE_NAME (and NODE_OPTIONS when bundles have source maps) */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /**
   * A log group several functions share; Lambda then names each log stream
   * `YYYY/MM/DD/<function name>[version]…`, so every line still tells which function wrote it.
   * @default - a log group of its own
   */
  readonly logGroup?: logs.ILogGroup;
  /**
   * Files (paths relative to projectRoot) copied into `assets/` next to the bundled handler, for
   * what esbuild cannot bundle (fonts). @default - none
   */
  readonly assets?: readonly string[];
  /** X-Ray active tracing. @default true */
  readonly tracing?: boolean;
}

/**
 * One Lambda function the way every Lotse function runs: Node.js on ARM, bundled locally with
 * esbuild as ESM (no Docker), X-Ray tracing, and its own role so that the only permissions it
 * has are the ones granted to it explicitly. Logs go to the given shared log group, else its own.
 */
export class LotseFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: LotseFunctionProps) {
    super(scope, id);
    const memoryMb = props.memoryMb ?? 256;
    if (!Number.isInteger(memoryMb) || memoryMb < 128 || memoryMb > 10240) {
      throw new Error(`${this.node.path}: memoryMb ${memoryMb} must be a whole number from 128 to 10240`);
    }

    this.logGroup =
      props.logGroup ??
      new logs.LogGroup(this, 'Logs', {
        retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });

    // Own role instead of AWSLambdaBasicExecutionRole: that managed policy may write to any log group.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.serviceName}`,
    });
    this.logGroup.grantWrite(role);

    const bundling = lambdaBundling(props.projectRoot);
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry,
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: memoryMb,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup: this.logGroup,
      ...((props.tracing ?? true) ? { tracing: lambda.Tracing.ACTIVE } : {}),
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        ...(bundling.sourceMap ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
      bundling: {
        ...nodejsBundling(bundling),
        ...(props.assets?.length ? { commandHooks: copyAssets(props.assets) } : {}),
      },
    });
  }
}

/** infra/bundling/esbuild-options.ts as NodejsFunction bundling props: local esbuild, ESM, the SDK inside. */
function nodejsBundling(bundling: LambdaBundling): nodejs.BundlingOptions {
  return {
    forceDockerBundling: false,
    format: nodejs.OutputFormat.ESM,
    banner: bundling.banner,
    mainFields: bundling.mainFields,
    target: bundling.target,
    minify: bundling.minify,
    sourceMap: bundling.sourceMap,
    sourcesContent: false,
    // The SDK is bundled so that what runs is the version the tests ran against, not the runtime's.
    bundleAwsSDK: true,
    esbuildArgs: {
      ...Object.fromEntries(
        Object.entries(bundling.alias).map(([module, replacement]) => [`--alias:${module}`, replacement]),
      ),
      // As an argument: aws-cdk-lib 2's `charset` prop is declared but never reaches esbuild's
      // command line (test/infra/stacks.test.ts found the bundles still escaped).
      '--charset': bundling.charset,
    },
  };
}

/** Copies each asset into `<bundle>/assets/` after esbuild ran (both paths are CDK's, quoted). */
function copyAssets(assets: readonly string[]): nodejs.ICommandHooks {
  for (const asset of assets) {
    if (isAbsolute(asset) || asset.split(/[\\/]/).includes('..'))
      throw new Error(`Function asset ${asset} must be a path inside the project (relative, without ..)`);
  }
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => [
      `mkdir -p "${outputDir}/${BUNDLE_ASSET_DIR}"`,
      ...assets.map(
        (asset) => `cp "${inputDir}/${asset}" "${outputDir}/${BUNDLE_ASSET_DIR}/${basename(asset)}"`,
      ),
    ],
  };
}
