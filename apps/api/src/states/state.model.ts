import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TcpState } from '@tcpfleet/model';

@ObjectType({ description: 'How one OS or tool spells and numbers a state' })
export class StateSpelling {
  @Field({ description: 'Vocabulary id: linux-ss, macos, windows-mib, ...' }) vocabulary!: string;
  @Field({ description: 'Who speaks it: "iproute2 ss", "Windows netstat.exe", ...' }) title!: string;
  @Field(() => [String], { description: 'Empty when this OS never shows the state' }) names!: string[];
  @Field(() => [Int]) codes!: number[];
}

@ObjectType({ description: 'A canonical TCP state: what it means and what a pile of it says' })
export class StateInfo {
  @Field(() => TcpState) state!: TcpState;
  @Field() description!: string;
  @Field({ description: 'Which end usually shows it: client, server or both' }) side!: string;
  @Field({ description: 'What many sockets in this state usually mean' }) pileUp!: string;
  @Field(() => [StateSpelling]) spellings!: StateSpelling[];
}

@ObjectType({ description: 'One OS or tool vocabulary and the primary source it was checked against' })
export class VocabularyInfo {
  @Field() id!: string;
  @Field() title!: string;
  @Field() source!: string;
}
